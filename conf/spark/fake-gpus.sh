#!/usr/bin/env bash
# FAKE GPU discovery script, for the local test cluster only (bin/podium-cluster): prints
# {"name": "gpu", "addresses": ["0", "1", ...]} from PODIUM_FAKE_GPUS (comma-separated addresses,
# default "0"). bin/podium-cluster sets PODIUM_FAKE_GPUS in each worker's environment and passes
# this script as spark.worker.resource.gpu.discoveryScript; the worker runs it as a child process.
# No device is behind these addresses: they only let Spark schedule GPU resource profiles.
# conf/spark/getGpusResources.sh is the real script (it asks nvidia-smi).
set -euo pipefail
addresses=$(printf '%s' "${PODIUM_FAKE_GPUS:-0}" | tr ',' '\n' | sed -e 's/^ *//' -e 's/ *$//' -e '/^$/d' \
  -e 's/.*/"&"/' | paste -sd, -)
echo "{\"name\": \"gpu\", \"addresses\": [${addresses}]}"
