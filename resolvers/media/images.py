"""Uploaded images made safe to publish: decoded in full, bounded, turned upright, re-encoded without
metadata (EXIF with its GPS position and camera serial is dropped), and a thumbnail made.

Only JPEG, PNG and WebP are accepted, whatever the file's name or declared type says: the decoder
decides. The pixel limit is checked from the header before any pixel is decoded, so a small file that
would inflate to gigabytes (a decompression bomb) is refused cheaply.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import DomainError, ErrorCode

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
THUMBNAIL_SIZE = (320, 320)
_QUALITY = 85


@dataclass(frozen=True)
class Rendition:
    data: bytes
    extension: str
    width: int
    height: int


@dataclass(frozen=True)
class ProcessedImage:
    full: Rendition
    thumbnail: Rendition


def _encode(image: Image.Image, format: str) -> bytes:
    out = io.BytesIO()
    if format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=_QUALITY, optimize=True)
    elif format == "WEBP":
        image.save(out, "WEBP", quality=_QUALITY)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _normalized_mode(image: Image.Image, format: str) -> Image.Image:
    if format == "JPEG":
        return image.convert("RGB")
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    return image.convert("RGBA" if "transparency" in image.info or image.mode in ("P", "PA") else "RGB")


def process(data: bytes, *, max_bytes: int, max_pixels: int, field: str | list[str] = "file") -> ProcessedImage:
    """Check and re-encode one upload; DomainError INVALID_IMAGE or IMAGE_TOO_LARGE otherwise."""
    if len(data) > max_bytes:
        raise DomainError(ErrorCode.IMAGE_TOO_LARGE, f"The image is larger than {max_bytes // 1_000_000} MB.", field)
    if not data:
        raise DomainError(ErrorCode.INVALID_IMAGE, "The file is empty.", field)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data), formats=list(FORMATS))
            width, height = source.size
            if width * height > max_pixels:
                raise DomainError(
                    ErrorCode.IMAGE_TOO_LARGE,
                    f"The image has more than {max_pixels:,} pixels ({width}×{height}).",
                    field,
                )
            format = str(source.format)
            source.load()  # decode every pixel: a truncated or corrupt file fails here, not in a browser
    except DomainError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise DomainError(ErrorCode.INVALID_IMAGE, "The file is not a JPEG, PNG or WebP image.", field) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise DomainError(ErrorCode.INVALID_IMAGE, "The image could not be decoded; it may be damaged.", field) from (
            error
        )
    if getattr(source, "n_frames", 1) > 1:
        raise DomainError(ErrorCode.INVALID_IMAGE, "Animated images are not accepted; send a still photo.", field)
    upright = _normalized_mode(ImageOps.exif_transpose(source), format)
    full = Rendition(_encode(upright, format), FORMATS[format], upright.width, upright.height)
    small = upright.copy()
    small.thumbnail(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
    thumbnail = Rendition(_encode(small, format), FORMATS[format], small.width, small.height)
    return ProcessedImage(full, thumbnail)
