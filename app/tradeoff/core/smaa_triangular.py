"""Triangular score draws from 16-bit uniforms (see
:class:`tradeoff.core.smaa_scores.ScoreSampler`).

Stein, W. E. & Keblis, M. F. (2009), "A new method to simulate the triangular
distribution", Mathematical and Computer Modelling 49, 1143–1147: for two
independent uniforms U, V on 0..1, ``a + (c − a)·max(U, V) + (b − c)·min(U, V)``
is triangular with low ``a``, mode ``c`` and high ``b``. Kept in its own module
so the sampler reads in one sitting.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.smaa_threads import Scratch

STEPS = 65536  # 16-bit uniforms: the midpoints of this many equal steps of 0..1


def triangular_params(low: np.ndarray, mode: np.ndarray, high: np.ndarray
                      ) -> list[np.ndarray]:
    """Single-precision factors for :func:`triangular_from`: the weight of min(U, V),
    of max(U, V) (both per integer step) and the offset from the mode of a draw of 0, 0
    (the half step of the midpoints folded in)."""
    f32 = np.float32
    below, above = mode - low, high - mode
    return [(above / STEPS).astype(f32), (below / STEPS).astype(f32),
            (-below + (below + above) / (2 * STEPS)).astype(f32)]


def uniform_pairs(rng: np.random.Generator, shape: tuple[int, int]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Two arrays of 16-bit uniforms of ``shape``, four to each 64-bit word of the
    generator: the raw words cost a quarter of a float each (see the module docstring)."""
    size = shape[0] * shape[1]
    bits = rng.bit_generator.random_raw(-(-size // 2)).view(np.uint16)
    return bits[:size].reshape(shape), bits[size:2 * size].reshape(shape)


def triangular_from(first: np.ndarray, second: np.ndarray, out: np.ndarray,
                    min_weight: np.ndarray, max_weight: np.ndarray, offset: np.ndarray | None,
                    scratch: Scratch | None = None) -> None:
    """Fill ``out`` with draws minus the mode from the uniforms ``first`` and ``second``
    (16-bit; ``scratch`` lends a working array); without ``offset``, less their value
    at 0, 0 (see ScoreSampler.offsets).

    The minimum and maximum are written straight out as floats (the cast is exact)
    and scaled in place: a multiply that reads 16-bit integers casts them in small
    buffers first and took half again as long as one that reads floats. The same
    numbers as scaling the integers: each product and the sum round alike.
    """
    scratch = scratch or Scratch()
    smaller = np.minimum(first, second, out=scratch.get("smaller", out.shape, np.float32),
                         casting="safe")
    np.multiply(smaller, min_weight, out=smaller)
    np.maximum(first, second, out=out, casting="safe")
    np.multiply(out, max_weight, out=out)
    out += smaller
    if offset is not None:
        out += offset
