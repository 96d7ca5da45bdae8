package io.podium.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java values in the form Spark's Row encoders expect. */
public final class SparkValues {

  private SparkValues() {}

  /** A Java list as the Scala Seq an ArrayType column of a Row holds; null stays null. */
  public static Seq<Object> seq(List<?> list) {
    if (list == null) {
      return null;
    }
    return CollectionConverters.asScala(List.<Object>copyOf(list)).toList();
  }
}
