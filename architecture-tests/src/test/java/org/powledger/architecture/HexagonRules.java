package org.powledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The boundaries of the hexagon, written once for a root package so that the same rules guard the
 * product ({@code org.powledger}) and can be shown to catch planted violations.
 */
final class HexagonRules {

    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    /** The packages the rules constrain; each must exist and hold classes, or a rule passes on nothing. */
    List<String> guardedPackages() {
        return List.of(domain(), application(), web(), persistence(), bootstrap());
    }

    ArchRule domainDependsOnTheJdkOnly() {
        return noClasses().that().resideInAPackage(domain())
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", domain())
                .as("the domain depends on the JDK only");
    }

    ArchRule applicationDependsOnTheDomainOnly() {
        return noClasses().that().resideInAPackage(application())
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", domain(), application())
                .as("the application depends on the domain only");
    }

    ArchRule webAdapterReachesTheLedgerThroughDrivingPortsOnly() {
        return noClasses().that().resideInAPackage(web())
                .should().dependOnClassesThat().resideInAnyPackage(application(), persistence(), bootstrap(),
                        root + ".domain.port.out..")
                .as("the web adapter reaches the ledger through the domain's driving ports only");
    }

    ArchRule persistenceAdapterNeverReachesTheWeb() {
        return noClasses().that().resideInAPackage(persistence())
                .should().dependOnClassesThat().resideInAnyPackage(web(), application(), bootstrap())
                .as("the persistence adapter never depends on the web, the use cases or the bootstrap");
    }

    ArchRule javalinStaysInTheWebAdapter() {
        return frameworkStaysIn("io.javalin..", "Javalin", web());
    }

    ArchRule jdbiStaysInThePersistenceAdapter() {
        return frameworkStaysIn("org.jdbi..", "JDBI", persistence());
    }

    ArchRule jacksonStaysInTheAdapters() {
        return frameworkStaysIn("com.fasterxml.jackson..", "Jackson", web(), persistence());
    }

    ArchRule mapstructStaysInTheAdapters() {
        return frameworkStaysIn("org.mapstruct..", "MapStruct", web(), persistence());
    }

    /** Metrics are an adapter's concern: the use cases and the domain are measured from outside. */
    ArchRule micrometerStaysInTheAdaptersAndTheBootstrap() {
        return noClasses().that().resideOutsideOfPackages(web(), persistence(), bootstrap())
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .as("Micrometer and Prometheus types stay inside " + String.join(" and ", web(), persistence(),
                        bootstrap()));
    }

    ArchRule packagesAreFreeOfCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no package cycles");
    }

    List<ArchRule> all() {
        return List.of(domainDependsOnTheJdkOnly(), applicationDependsOnTheDomainOnly(),
                webAdapterReachesTheLedgerThroughDrivingPortsOnly(), persistenceAdapterNeverReachesTheWeb(),
                javalinStaysInTheWebAdapter(), jdbiStaysInThePersistenceAdapter(), jacksonStaysInTheAdapters(),
                mapstructStaysInTheAdapters(), micrometerStaysInTheAdaptersAndTheBootstrap(), packagesAreFreeOfCycles());
    }

    private ArchRule frameworkStaysIn(String frameworkPackage, String framework, String... allowed) {
        return noClasses().that().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage(frameworkPackage)
                .as(framework + " types stay inside " + String.join(" and ", allowed));
    }

    private String domain() {
        return root + ".domain..";
    }

    private String application() {
        return root + ".application..";
    }

    private String web() {
        return root + ".web..";
    }

    private String persistence() {
        return root + ".persistence..";
    }

    private String bootstrap() {
        return root + ".bootstrap..";
    }
}
