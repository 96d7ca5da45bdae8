package io.podium.udf;

import io.podium.models.ModelFolders;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Model folders on any Hadoop file system (s3a://, hdfs://, file:), copied once per executor
 * into a local cache; a driver-local folder is opened from the copy the driver made on shared
 * storage. Carries the driver's {@code fs.*} settings to the executors.
 */
public final class HadoopModelFolders implements ModelFolders, Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> fsSettings;
  private final Map<String, String> copies;

  private HadoopModelFolders(Map<String, String> fsSettings, Map<String, String> copies) {
    this.fsSettings = fsSettings;
    this.copies = copies;
  }

  /**
   * The same folders, with the driver-local folder {@code uri} opened from {@code copyUri}, a copy
   * on storage the executors read (the driver copied it there): an executor never reads a path
   * that only exists on the driver's machine.
   */
  public HadoopModelFolders withCopy(String uri, String copyUri) {
    Map<String, String> more = new HashMap<>(copies);
    more.put(uri, copyUri);
    return new HadoopModelFolders(fsSettings, more);
  }

  /** Captures the file-system settings of the driver's Hadoop configuration. */
  public static HadoopModelFolders from(Configuration driverConf) {
    Map<String, String> settings = new HashMap<>();
    for (Map.Entry<String, String> e : driverConf) {
      if (e.getKey().startsWith("fs.")) {
        settings.put(e.getKey(), e.getValue());
      }
    }
    return new HadoopModelFolders(settings, Map.of());
  }

  @Override
  public Path cacheRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "podium-models");
  }

  @Override
  public Path localize(String uri) throws IOException {
    String copy = copies.get(uri);
    if (copy != null) {
      return localize(copy);
    }
    if (!uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || uri.startsWith("file:")) {
      Path local = uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)) : Path.of(uri);
      if (!Files.isDirectory(local)) {
        throw new IOException("model folder " + uri + " does not exist or is not a folder");
      }
      return local;
    }
    Path target = cacheRoot().resolve("remote").resolve(sha(uri));
    if (Files.exists(target.resolve(".complete"))) {
      return target;
    }
    Configuration conf = new Configuration();
    fsSettings.forEach(conf::set);
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
    FileSystem fs = remote.getFileSystem(conf);
    if (!fs.exists(remote)) {
      throw new IOException("model folder " + uri + " does not exist");
    }
    Path tmp = Files.createTempDirectory(Files.createDirectories(target.getParent()), "download");
    for (FileStatus file : fs.listStatus(remote)) {
      if (file.isFile()) {
        fs.copyToLocalFile(false, file.getPath(),
            new org.apache.hadoop.fs.Path(tmp.resolve(file.getPath().getName()).toUri()), true);
      }
    }
    Files.createFile(tmp.resolve(".complete"));
    try {
      Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(target.resolve(".complete"))) {
        throw e;
      }
    }
    return target;
  }

  private static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
