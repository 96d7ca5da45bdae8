package io.podium.python;

import java.util.List;

/**
 * CPython's {@code random.Random}: the MT19937 generator seeded as {@code random.seed(int)}
 * seeds it, and {@code random.shuffle} as CPython 3 implements it. Podium needs the exact
 * sequence, not just a good shuffle: the harness's GPQA task orders the four answers with
 * {@code random.shuffle}, and the order decides which letter is correct.
 */
public final class PyRandom {

  private static final int N = 624;
  private static final int M = 397;

  private final int[] mt = new int[N];
  private int index = N;

  /** Equivalent of {@code random.Random(seed)} for a non-negative integer seed. */
  public PyRandom(long seed) {
    if (seed < 0) {
      // CPython seeds with abs(seed) for ints.
      seed = -seed;
    }
    // CPython splits the absolute value of the seed into 32-bit words, least significant first.
    int[] key = (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
    initByArray(key);
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next raw 32-bit output of MT19937, as an unsigned value. */
  long nextInt32() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int kk = 0; kk < N; kk++) {
      int y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
      int next = mt[(kk + M) % N] ^ (y >>> 1);
      if ((y & 1) != 0) {
        next ^= 0x9908b0df;
      }
      mt[kk] = next;
    }
    index = 0;
  }

  /** {@code random.random()}: 53 random bits as a double in [0, 1). */
  public double random() {
    long a = nextInt32() >>> 5;
    long b = nextInt32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** {@code random.getrandbits(k)} for 0 < k <= 32. */
  long getrandbits(int k) {
    if (k <= 0 || k > 32) {
      throw new IllegalArgumentException("k must be in 1..32, got " + k);
    }
    return nextInt32() >>> (32 - k);
  }

  /** {@code random._randbelow(n)}: rejection sampling on getrandbits(n.bit_length()). */
  int randbelow(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, got " + n);
    }
    int k = 32 - Integer.numberOfLeadingZeros(n);
    long r = getrandbits(k);
    while (r >= n) {
      r = getrandbits(k);
    }
    return (int) r;
  }

  /** {@code random.shuffle(x)}, in place, with CPython 3's Fisher-Yates order. */
  public <T> void shuffle(List<T> x) {
    for (int i = x.size() - 1; i > 0; i--) {
      int j = randbelow(i + 1);
      T tmp = x.get(i);
      x.set(i, x.get(j));
      x.set(j, tmp);
    }
  }
}
