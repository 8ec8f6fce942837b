package org.powledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The product's own classes keep every boundary of the hexagon. */
class HexagonTest {

    private static final HexagonRules RULES = new HexagonRules("org.powledger");
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.powledger");
    }

    @Test
    void every_guarded_package_exists_and_holds_classes() {
        for (String pkg : RULES.guardedPackages()) {
            String prefix = pkg.substring(0, pkg.length() - 2);
            assertThat(product.stream().filter(c -> c.getPackageName().startsWith(prefix)).count())
                    .as("classes in %s", pkg).isPositive();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_boundary_holds() {
        return RULES.all().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(),
                () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(product);
    }
}
