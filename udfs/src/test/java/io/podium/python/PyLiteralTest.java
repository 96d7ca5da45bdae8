package io.podium.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podium.tasks.FieldType;
import io.podium.tasks.InvalidDocException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyLiteralTest {

  @Test
  void parsesQuotedStringsWithEscapes() {
    assertEquals(List.of("Mackenzie", "Ana's", "a\"b", "x\ny", ""),
        PyLiteral.parseStringList("['Mackenzie', \"Ana's\", 'a\"b', 'x\\ny', '']"));
    assertEquals(List.of(), PyLiteral.parseStringList(" [ ] "));
    assertEquals(List.of("a"), PyLiteral.parseStringList("['a',]"));
  }

  @Test
  void rejectsWhatIsNotAListOfStrings() {
    assertThrows(IllegalArgumentException.class, () -> PyLiteral.parseStringList("['a', 3]"));
    assertThrows(IllegalArgumentException.class, () -> PyLiteral.parseStringList("['a'"));
    assertThrows(IllegalArgumentException.class, () -> PyLiteral.parseStringList("'a'"));
  }

  @Test
  void stringListFieldAcceptsBothMusrSchemas() {
    assertEquals(List.of("a", "b"), FieldType.STRING_LIST.coerce("choices", List.of("a", "b")));
    assertEquals(List.of("a", "b"), FieldType.STRING_LIST.coerce("choices", "['a', 'b']"));
    var e = assertThrows(InvalidDocException.class, () -> FieldType.STRING_LIST.coerce("choices", 5));
    assertEquals("field 'choices' should be string_list but is a number: 5", e.getMessage());
  }
}
