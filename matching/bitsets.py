"""Sets of small integer ids packed into uint64 words, so set overlap is AND + popcount.

A set over ids 0..64*W-1 is a row of W words; a pool stores an (n, W) array. Word w holds ids
64*w .. 64*w+63, id i is bit i % 64 of word i // 64.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

WORD_BITS = 64

_BYTE_COUNTS = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def popcount_table(words: np.ndarray) -> np.ndarray:
    """Set bits per uint64 element via a 256-entry table over its 8 bytes (numpy 1.x)."""
    words = np.ascontiguousarray(words, dtype=np.uint64)
    as_bytes = words.view(np.uint8).reshape((*words.shape, 8))
    counts: np.ndarray = _BYTE_COUNTS[as_bytes].sum(axis=-1, dtype=np.uint8)
    return counts


if hasattr(np, "bitwise_count"):  # numpy >= 2: a hardware popcount

    def popcount(words: np.ndarray) -> np.ndarray:
        """Number of set bits of each uint64 element."""
        counts: np.ndarray = np.bitwise_count(words)
        return counts

else:
    popcount = popcount_table


def words_for(max_id: int) -> int:
    """Words needed to hold ids 0..max_id (at least one, so empty sets still have a shape)."""
    return max(1, max_id // WORD_BITS + 1)


def _check_ids(ids: Iterable[int]) -> list[int]:
    out = [int(i) for i in ids]
    if any(i < 0 for i in out):
        raise ValueError("set ids must be non-negative integers")
    return out


def pack(id_sets: Sequence[Iterable[int]], n_words: int | None = None) -> np.ndarray:
    """(n, W) uint64 array, row r holding id_sets[r]. W defaults to what the largest id needs."""
    lists = [_check_ids(s) for s in id_sets]
    largest = max((max(s) for s in lists if s), default=0)
    width = words_for(largest) if n_words is None else n_words
    if width < words_for(largest):
        raise ValueError(f"id {largest} does not fit in {width} words")
    rows = np.repeat(np.arange(len(lists)), [len(s) for s in lists])
    flat = np.fromiter((i for s in lists for i in s), dtype=np.int64, count=len(rows))
    out = np.zeros((len(lists), width), dtype=np.uint64)
    bits = np.left_shift(np.uint64(1), (flat % WORD_BITS).astype(np.uint64))
    # bitwise_or.at tolerates repeated ids in one set (a duplicate sets the same bit twice)
    np.bitwise_or.at(out, (rows, flat // WORD_BITS), bits)
    return out


def mask(ids: Iterable[int], n_words: int) -> np.ndarray:
    """(W,) query mask. Ids beyond the pool's width are dropped: no candidate can hold them,
    so callers count the wanted set's size separately (see `distinct`)."""
    out = np.zeros(n_words, dtype=np.uint64)
    for i in _check_ids(ids):
        if i < n_words * WORD_BITS:
            out[i // WORD_BITS] |= np.uint64(1) << np.uint64(i % WORD_BITS)
    return out


def distinct(ids: Iterable[int]) -> int:
    return len(set(_check_ids(ids)))


def count(bits: np.ndarray) -> np.ndarray:
    """Set size per row of an (n, W) array (or of a (W,) mask)."""
    sizes: np.ndarray = popcount(bits).sum(axis=-1, dtype=np.int64)
    return sizes


def overlap(bits: np.ndarray, query: np.ndarray) -> np.ndarray:
    """|row & query| per row; only the query's non-zero words are touched."""
    words = np.flatnonzero(query)
    if len(words) == 0:
        return np.zeros(bits.shape[:-1], dtype=np.int64)
    if len(words) == 1:
        w = words[0]
        return popcount(bits[..., w] & query[w]).astype(np.int64)
    return count(bits[..., words] & query[words])


def ids_of(row: np.ndarray) -> list[int]:
    """The ids set in one (W,) row, ascending."""
    out: list[int] = []
    for w, word in enumerate(np.asarray(row, dtype=np.uint64).tolist()):
        while word:
            low = word & -word
            out.append(w * WORD_BITS + low.bit_length() - 1)
            word ^= low
    return out


def pad(bits: np.ndarray, n_words: int) -> np.ndarray:
    """Widen an (n, W) array with zero words (pools built at different times may differ)."""
    if bits.shape[1] >= n_words:
        return bits
    out = np.zeros((bits.shape[0], n_words), dtype=np.uint64)
    out[:, : bits.shape[1]] = bits
    return out


def single_word(ids: Iterable[int], what: str) -> int:
    """Pack a small closed set (programs, availability slots: ids < 64) into one Python int."""
    value = 0
    for i in _check_ids(ids):
        if i >= WORD_BITS:
            raise ValueError(f"{what} ids must be below {WORD_BITS}, got {i}")
        value |= 1 << i
    return value
