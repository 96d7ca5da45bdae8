package io.podium.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server on loopback for tests: s3proxy with its file-system backend, started as a
 * child process (inside the test JVM its servlet API would clash with Spark's).
 */
public final class S3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "podium-test";
  public static final String SECRET_KEY = "podium-test-secret";

  private final Process process;
  private final int port;

  private S3Server(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server whose buckets are the given names (empty). */
  public static S3Server start(Path dir, String... buckets) throws Exception {
    String jar = System.getProperty("s3proxy.jar");
    assumeTrue(jar != null && Files.exists(Path.of(jar)), "skipped: the s3proxy jar is not at " + jar
        + " (it is copied there by mvn process-test-resources)");
    Path data = Files.createDirectories(dir.resolve("s3-data"));
    for (String bucket : buckets) {
      Files.createDirectories(data.resolve(bucket));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path conf = dir.resolve("s3proxy.properties");
    Files.writeString(conf, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + data,
        "") );
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar, "--properties", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("s3proxy.log").toFile())
        .start();
    S3Server server = new S3Server(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("s3proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return server;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    server.close();
    throw new IOException("s3proxy did not start on port " + port + " within 60 s");
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The Hadoop settings that point s3a at this server. */
  public Map<String, String> hadoopConf() {
    return Map.of(
        "fs.s3a.endpoint", endpoint(),
        "fs.s3a.endpoint.region", "us-east-1",
        "fs.s3a.path.style.access", "true",
        "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "fs.s3a.access.key", ACCESS_KEY,
        "fs.s3a.secret.key", SECRET_KEY,
        "fs.s3a.change.detection.mode", "none");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
