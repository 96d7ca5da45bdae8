package io.podium.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.testing.LocalCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local standalone cluster (bin/podium-cluster) as the tests get it: two workers with two fake
 * GPUs each. (ClusterEvaluateIT runs apps on it.)
 */
class LocalClusterIT {

  @RegisterExtension
  static final LocalCluster cluster = LocalCluster.shared();

  @Test
  void twoWorkersOfferTwoFakeGpusEach() throws Exception {
    List<JsonNode> workers = cluster.aliveWorkerNodes();
    assertEquals(LocalCluster.WORKERS, workers.size(), cluster.masterJson().toPrettyString());
    for (JsonNode worker : workers) {
      assertEquals(2, worker.path("cores").asInt(), worker.toPrettyString());
      assertEquals(List.of("0", "1"), texts(worker.path("resources").path("gpu").path("addresses")),
          worker.toPrettyString());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
