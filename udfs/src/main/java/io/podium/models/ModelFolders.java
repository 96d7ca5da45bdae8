package io.podium.models;

import java.io.IOException;
import java.nio.file.Path;

/** Turns a model folder URI into a local folder (copying it from remote storage if needed). */
public interface ModelFolders {

  /** A local copy of the folder at {@code uri} (a local path, or a URI such as s3a://...). */
  Path localize(String uri) throws IOException;

  /** Where models are written or copied to on this machine. */
  Path cacheRoot();
}
