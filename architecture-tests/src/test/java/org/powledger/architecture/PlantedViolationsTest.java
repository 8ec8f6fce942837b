package org.powledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rules are not empty promises: in the planted hexagon under {@code planted.powledger}, every
 * boundary is crossed once on purpose, and each rule must catch its crossing.
 */
class PlantedViolationsTest {

    private static final HexagonRules RULES = new HexagonRules("planted.powledger");
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("planted.powledger");

    private static void assertCaught(ArchRule rule) {
        assertThat(rule.evaluate(PLANTED).hasViolation()).as(rule.getDescription()).isTrue();
    }

    @Test
    void a_domain_class_using_the_application_is_caught() {
        assertCaught(RULES.domainDependsOnTheJdkOnly());
    }

    @Test
    void a_use_case_using_an_adapter_is_caught() {
        assertCaught(RULES.applicationDependsOnTheDomainOnly());
    }

    @Test
    void a_web_class_using_the_store_is_caught() {
        assertCaught(RULES.webAdapterReachesTheLedgerThroughDrivingPortsOnly());
    }

    @Test
    void a_store_class_using_the_web_is_caught() {
        assertCaught(RULES.persistenceAdapterNeverReachesTheWeb());
    }

    @Test
    void a_use_case_timing_itself_with_micrometer_is_caught() {
        assertCaught(RULES.micrometerStaysInTheAdaptersAndTheBootstrap());
    }

    @Test
    void a_package_cycle_is_caught() {
        assertCaught(RULES.packagesAreFreeOfCycles());
    }
}
