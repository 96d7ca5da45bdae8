package io.podium.ingest;

import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.models.builtin.BuiltinModels;
import io.podium.testing.Cli;
import io.podium.testing.Launcher;
import io.podium.testing.S3Server;
import io.podium.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest from and into s3a:// on a real S3 server (s3proxy on loopback), read back with bin/podium sql. */
class S3IngestIT {

  @TempDir
  Path tmp;

  @Test
  void ingestFromS3IntoAnS3WarehouseAndQueryItWithTheLauncher() throws Exception {
    try (S3Server s3 = S3Server.start(tmp, "podium")) {
      Configuration hadoop = TestSpark.get().sparkContext().hadoopConfiguration();
      s3.hadoopConf().forEach(hadoop::set);
      Path samples = tmp.resolve("samples");
      PodiumConf.copySamples(samples);
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("s3a://podium/benchmarks");
      FileSystem fs = target.getFileSystem(hadoop);
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(samples.toUri()), target);

      Cli ingest = Cli.run("ingest", "--source", "s3a://podium/benchmarks", "--warehouse", "s3a://podium/warehouse");
      assertEquals(0, ingest.code, ingest.toString());
      assertTrue(ingest.out.contains("layout: hf"), ingest.out);
      assertEquals(145, count("SELECT count(*) FROM delta.`s3a://podium/warehouse/requests`"));
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path("s3a://podium/warehouse/requests/_delta_log")));

      List<String> args = new ArrayList<>(List.of("sql", "--warehouse", "s3a://podium/warehouse", "--format", "csv"));
      for (Map.Entry<String, String> e : s3.hadoopConf().entrySet()) {
        args.add("--conf");
        args.add("spark.hadoop." + e.getKey() + "=" + e.getValue());
      }
      args.add("SELECT benchmark, count(*) AS requests FROM requests GROUP BY benchmark ORDER BY benchmark");
      Launcher sql = Launcher.run(tmp, args.toArray(String[]::new));
      assertEquals(0, sql.code, sql.toString());
      assertTrue(sql.output.contains("benchmark,requests\r\nbbh,71\r\ngpqa,32\r\nifeval,3\r\nmath_hard,4\r\n"
          + "mmlu_pro,25\r\nmusr,10\r\n"), sql.output);
      assertFalse(sql.output.contains(S3Server.SECRET_KEY), "the secret key must not be printed");

      // A model folder on s3a:// loads (copied once to the executor's local cache) and answers.
      Path model = BuiltinModels.materialize("bigram-gpt", tmp.resolve("models"));
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(model.toUri()),
          new org.apache.hadoop.fs.Path("s3a://podium/models/bigram-gpt"));
      Cli evaluate = Cli.run("evaluate", "--model", "s3a://podium/models/bigram-gpt", "--benchmarks", "musr",
          "--warehouse", "s3a://podium/warehouse");
      assertEquals(0, evaluate.code, evaluate.toString());
      assertEquals(10, count("SELECT count(*) FROM delta.`s3a://podium/warehouse/predictions`"
          + " WHERE model_key = 'bigram-gpt@local#float32' AND loglikelihood < 0"));
    }
  }
}
