package io.firstcall.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.firstcall.pipeline.AckListener;
import io.firstcall.pipeline.OutputListener;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the gateway gives the engine to run on the engine thread is the listeners, and they are the
 * egress package's: that package, and everything it reaches, never reaches Netty. So the engine thread
 * cannot check a channel's writability, write, or schedule on an event loop, whoever edits the code next.
 */
class EngineThreadArchitectureTest
{
    private static final JavaClasses GATEWAY = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.firstcall");

    @Test
    void shouldHandTheEngineOnlyListenersOfTheEgressPackage()
    {
        for (final Class<?> listener : new Class<?>[]{AckListener.class, OutputListener.class})
        {
            classes()
                .that().implement(listener).and().resideInAPackage("io.firstcall.gateway..")
                .should().resideInAPackage("io.firstcall.gateway.egress")
                .check(GATEWAY);
        }
    }

    @Test
    void shouldKeepTheEgressPackageAndAllItReachesFreeOfNetty()
    {
        noClasses()
            .that().resideInAPackage("io.firstcall.gateway.egress..")
            .should().transitivelyDependOnClassesThat().resideInAPackage("io.netty..")
            .check(GATEWAY);
    }
}
