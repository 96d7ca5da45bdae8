package io.podium.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.podium.cli.Command;
import io.podium.models.Backend;
import io.podium.scoring.ScorerProvider;

/**
 * The dependency rules of the code base, over the main classes of both modules: commands above
 * jobs above tables; no package in a cycle with another; the command line knowing no command;
 * the UDF module knowing nothing of the jobs.
 */
@AnalyzeClasses(packages = "io.podium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The packages of the jobs: what a command runs. */
  private static final String[] FEATURES = {"io.podium.ingest..", "io.podium.evaluate..", "io.podium.score..",
      "io.podium.leaderboard..", "io.podium.submissions..", "io.podium.pipeline..", "io.podium.requests..",
      "io.podium.demo..", "io.podium.bench..", "io.podium.sql.."};

  /** The packages of the udfs module (the executor side: models, tasks, scoring, SQL functions). */
  private static final String[] UDFS = {"io.podium.models..", "io.podium.tasks..", "io.podium.scoring..",
      "io.podium.udf..", "io.podium.python.."};

  @ArchTest
  static final ArchRule noPackageIsInACycle = slices().matching("io.podium.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingDependsOnTheApplication = noClasses().that().resideOutsideOfPackage("io.podium.app")
      .should().dependOnClassesThat().resideInAPackage("io.podium.app");

  @ArchTest
  static final ArchRule theCommandLineKnowsNoCommand = noClasses().that().resideInAPackage("io.podium.cli")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule onlyCommandsUseTheCommandLine = noClasses()
      .that().resideOutsideOfPackages("io.podium.cli", "io.podium.app")
      .and().doNotImplement(Command.class)
      .and().areNotNestedClasses()
      .should().dependOnClassesThat().resideInAPackage("io.podium.cli");

  @ArchTest
  static final ArchRule tablesAndSparkKnowNoJob = noClasses()
      .that().resideInAnyPackage("io.podium.tables..", "io.podium.spark..", "io.podium.conf..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule theUdfsKnowNoJob = noClasses().that().resideInAnyPackage(UDFS)
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
      .orShould().dependOnClassesThat().resideInAnyPackage("io.podium.cli..", "io.podium.app..",
          "io.podium.tables..", "io.podium.spark..", "io.podium.conf..");

  @ArchTest
  static final ArchRule pythonSemanticsStandAlone = noClasses().that().resideInAPackage("io.podium.python")
      .should().dependOnClassesThat().resideOutsideOfPackages("io.podium.python", "java..")
      .because("Python's semantics are one package that everything may use and that uses nothing of Podium");

  @ArchTest
  static final ArchRule aBackendIsReachedThroughItsInterface = noClasses()
      .that().resideInAnyPackage(FEATURES).or().resideInAnyPackage("io.podium.udf..")
      .should().dependOnClassesThat().implement(Backend.class)
      .because("a backend is registered once (META-INF/services/io.podium.models.Backend) and reached through"
          + " ModelSpec.engine()");

  @ArchTest
  static final ArchRule aScorerIsReachedThroughTheRegistry = noClasses()
      .that().resideInAnyPackage(FEATURES).or().resideInAnyPackage("io.podium.udf..")
      .should().dependOnClassesThat().implement(ScorerProvider.class)
      .because("a scorer is registered once (META-INF/services/io.podium.scoring.ScorerProvider) and reached"
          + " through DocumentScorers.forTask");
}
