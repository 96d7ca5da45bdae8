package io.podium.conf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A folder of resources on the classpath, inside the application jar or on disk (in tests). */
final class ClasspathFolder {

  private ClasspathFolder() {}

  /** The folder as a Path (a zip file system path when it is inside a jar). */
  static Path path(String folder) throws IOException {
    URL url = ClasspathFolder.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IOException(folder + " is not on the classpath; rebuild the application jar (mvn package)");
    }
    try {
      if (!url.getProtocol().equals("jar")) {
        return Path.of(url.toURI());
      }
      FileSystem fs;
      try {
        fs = FileSystems.newFileSystem(url.toURI(), Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(url.toURI());
      }
      return fs.getPath(folder);
    } catch (URISyntaxException e) {
      throw new IOException("cannot open " + url, e);
    }
  }

  /** Files directly in the folder whose names end with the suffix, sorted. */
  static List<Path> list(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(path(folder))) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Copies the folder, recursively, into a local directory. */
  static void copyTo(String folder, Path target) throws IOException {
    Path source = path(folder);
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
