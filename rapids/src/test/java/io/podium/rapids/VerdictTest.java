package io.podium.rapids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines of the RAPIDS explanation, as the plan check of this build printed them, read back. */
class VerdictTest {

  @Test
  void eachFormOfVerdictIsRead() {
    assertEquals(Optional.of(new Verdict("Exec", "ProjectExec", true, "")),
        Verdict.parse("  *Exec <ProjectExec> will run on GPU"));
    assertEquals(Optional.of(new Verdict("Expression", "Literal", true, "")),
        Verdict.parse("      @Expression <Literal> tags could run on GPU"));
    assertEquals(Optional.of(new Verdict("Expression", "ScalaUDF:podium_generate", true, "")),
        Verdict.parse("      *Expression <ScalaUDF> podium_generate(builtin:tiny-gpt, context#29275, 4) will run on GPU"));
    assertEquals(Optional.of(new Verdict("Expression", "Literal", false,
            "expression Literal null produces an unsupported type ObjectType(class x.Y)")),
        Verdict.parse("    !Expression <Literal> null cannot run on GPU because expression Literal null produces an "
            + "unsupported type ObjectType(class x.Y)"));
    Verdict kindless = Verdict.parse("  ! <UnwrapOption> unwrapoption(x#12) cannot run on GPU because GPU does not "
        + "currently support the operator class UnwrapOption").orElseThrow();
    assertEquals("Expression", kindless.kind());
    assertEquals("GPU does not currently support the operator class UnwrapOption", kindless.reason());
    assertEquals("Exec", Verdict.parse("! <RDDScanExec> Scan ExistingRDD cannot run on GPU because GPU does not "
        + "currently support the operator class RDDScanExec").orElseThrow().kind());
    assertEquals("neither UDF implemented by class a.B$$Lambda provides a GPU implementation",
        Verdict.parse("!Expression <ScalaUDF> UDF(x#1) cannot run on GPU because neither UDF implemented by class "
            + "a.B$$Lambda$7565/0x00007f8e01965300 provides a GPU implementation").orElseThrow().reason());
    Verdict bridge = Verdict.parse("  ^Expression <ScalaUDF> UDF(add#1645.path) will run on GPU via CPU bridge because "
        + "neither UDF implemented by class a.B provides a GPU implementation").orElseThrow();
    assertEquals("ScalaUDF:UDF", bridge.name());
    assertTrue(!bridge.onGpu() && bridge.reason().startsWith("runs through the CPU bridge: neither UDF"), bridge.reason());
    assertEquals(Optional.empty(), Verdict.parse("12:03:49 WARN SimpleFunctionRegistry: The function replaced"));
  }
}
