package dev.mailwizard.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** The package arrows of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "dev.mailwizard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.mailwizard..")
            .layer("launcher").definedBy("dev.mailwizard")
            .layer("ui").definedBy("dev.mailwizard.ui..")
            .layer("cli").definedBy("dev.mailwizard.cli..")
            .layer("demo").definedBy("dev.mailwizard.demo..")
            .layer("report").definedBy("dev.mailwizard.report..")
            .layer("export").definedBy("dev.mailwizard.export..")
            .layer("probe").definedBy("dev.mailwizard.probe..")
            .layer("signin").definedBy("dev.mailwizard.signin..")
            .layer("discovery").definedBy("dev.mailwizard.discovery..")
            .layer("model").definedBy("dev.mailwizard.model..")
            .layer("platform").definedBy("dev.mailwizard.platform..")
            .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("demo").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("export").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("probe").mayOnlyBeAccessedByLayers("cli", "ui", "report")
            .whereLayer("signin").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("discovery").mayOnlyBeAccessedByLayers("cli", "ui", "signin")
            .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "ui", "report", "export", "probe", "discovery", "demo", "signin")
            .whereLayer("platform").mayOnlyBeAccessedByLayers("cli", "ui", "export", "signin")
            .withOptionalLayers(true);

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.mailwizard.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mailwizard.probe..", "dev.mailwizard.discovery..",
                    "dev.mailwizard.report..", "dev.mailwizard.export..", "dev.mailwizard.cli..", "dev.mailwizard.ui..", "dev.mailwizard.demo..",
                    "dev.mailwizard.signin..");

    @ArchTest
    static final ArchRule platformDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.mailwizard.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mailwizard.model..", "dev.mailwizard.probe..", "dev.mailwizard.discovery..",
                    "dev.mailwizard.report..", "dev.mailwizard.export..", "dev.mailwizard.cli..", "dev.mailwizard.ui..", "dev.mailwizard.demo..",
                    "dev.mailwizard.signin..");

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses().that().resideOutsideOfPackage("dev.mailwizard.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule jakartaMailOnlyInProbe = noClasses().that().resideOutsideOfPackage("dev.mailwizard.probe..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.mailwizard.(*)..").should().beFreeOfCycles();

    /**
     * The wizard's packages depend one way: the composition root ({@code ui.app}) on top, one package
     * per step (and {@code shell}, {@code cert}, {@code helpdesk}) in the middle, the shared base
     * ({@code ui}: texts, icons, {@code WizardState}) and {@code ui.task} below. The root package is a
     * slice of its own, so a step that reached back up into the window would fail here too.
     */
    @ArchTest
    static final ArchRule uiPackagesFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals("dev.mailwizard.ui") || p.startsWith("dev.mailwizard.ui.") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.mailwizard.ui, the root package included";
        }
    }).should().beFreeOfCycles();

    /** A View binds to its ViewModel only; what the steps share stays behind the ViewModels (ADR 0012). */
    @ArchTest
    static final ArchRule viewsDoNotReachIntoWizardState = noClasses().that().resideInAPackage("dev.mailwizard.ui..")
            .and().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Pane")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.mailwizard.ui.WizardState");

    /** A ViewModel never sees a control, a stage or a dialog, so its tests need no toolkit. */
    @ArchTest
    static final ArchRule viewModelsSeeNoControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..");

    /** Only the command line prints (JabRef's restrictStandardStreams); the wizard and the engine report through values. */
    @ArchTest
    static final ArchRule standardStreamsOnlyInCli = noClasses().that().resideOutsideOfPackage("dev.mailwizard.cli..")
            .should(ACCESS_STANDARD_STREAMS).because("only the command line talks to the terminal");
}
