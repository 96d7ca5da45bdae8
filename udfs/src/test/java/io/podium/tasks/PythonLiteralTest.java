package io.podium.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

  @Test
  void parsesQuotedStringsWithEscapes() {
    assertEquals(List.of("Mackenzie", "Ana's", "a\"b", "x\ny", ""),
        PythonLiteral.parseStringList("['Mackenzie', \"Ana's\", 'a\"b', 'x\\ny', '']"));
    assertEquals(List.of(), PythonLiteral.parseStringList(" [ ] "));
    assertEquals(List.of("a"), PythonLiteral.parseStringList("['a',]"));
  }

  @Test
  void rejectsWhatIsNotAListOfStrings() {
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("['a', 3]"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("['a'"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("'a'"));
  }

  @Test
  void stringListFieldAcceptsBothMusrSchemas() {
    assertEquals(List.of("a", "b"), FieldType.STRING_LIST.coerce("choices", List.of("a", "b")));
    assertEquals(List.of("a", "b"), FieldType.STRING_LIST.coerce("choices", "['a', 'b']"));
    var e = assertThrows(InvalidDocException.class, () -> FieldType.STRING_LIST.coerce("choices", 5));
    assertEquals("field 'choices' should be string_list but is a number: 5", e.getMessage());
  }
}
