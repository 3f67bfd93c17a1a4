package io.firstcall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's shape, as docs/architecture.md states it: the core knows no transport; the state
 * machine (the {@code engine} packages) does no I/O, logs nothing, reads no clock and knows neither
 * journals, the pipeline nor JSON; its sub-packages depend on each other one way only.
 */
class ArchitectureTest
{
    private static final JavaClasses CORE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.firstcall");

    @Test
    void shouldKeepTheCoreFreeOfNetty()
    {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("the core knows no transport (BRIEF principle 8)")
            .check(CORE);
    }

    @Test
    void shouldKeepTheEngineFreeOfIoLoggingJournalsPipelineAndRendering()
    {
        noClasses().that().resideInAPackage("io.firstcall.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.firstcall.pipeline..", "io.firstcall.journal..", "io.firstcall.render..", "io.firstcall.replay..",
                "io.netty..", "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..",
                "org.slf4j..", "java.util.logging..", "org.agrona.concurrent.status..")
            .because("the state machine writes typed outputs into its batch and nothing else")
            .check(CORE);
    }

    @Test
    void shouldKeepTheEngineFromReadingAClock()
    {
        final ArchRule rule = noClasses().that().resideInAPackage("io.firstcall.engine..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().dependOnClassesThat().haveNameMatching("org\\.agrona\\.concurrent\\..*Clock")
            .because("engine time is the journaled timestamp, so replay decides the same");
        rule.check(CORE);
    }

    @Test
    void shouldLayerTheEnginePackagesOneWay()
    {
        Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("output").definedBy("io.firstcall.engine.output..")
            .layer("timer").definedBy("io.firstcall.engine.timer..")
            .layer("lead").definedBy("io.firstcall.engine.lead..")
            .layer("scoring").definedBy("io.firstcall.engine.scoring..")
            .layer("routing").definedBy("io.firstcall.engine.routing..")
            .layer("tenant").definedBy("io.firstcall.engine.tenant..")
            .layer("machine").definedBy("io.firstcall.engine")
            .whereLayer("machine").mayNotBeAccessedByAnyLayer()
            .whereLayer("tenant").mayOnlyBeAccessedByLayers("machine")
            .whereLayer("routing").mayOnlyBeAccessedByLayers("tenant", "machine")
            .whereLayer("scoring").mayOnlyBeAccessedByLayers("routing", "tenant", "machine")
            .whereLayer("lead").mayOnlyBeAccessedByLayers("scoring", "routing", "tenant", "machine")
            .whereLayer("timer").mayOnlyBeAccessedByLayers("lead", "scoring", "routing", "tenant", "machine")
            .whereLayer("output").mayOnlyBeAccessedByLayers("lead", "scoring", "routing", "tenant", "machine")
            .because("lead <- scoring <- routing <- tenant <- machine (docs/architecture.md)")
            .check(CORE);
    }

    @Test
    void shouldKeepEveryCorePackageFreeOfCycles()
    {
        slices().matching("io.firstcall.engine.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
