"""Colour-vision simulation for the map tests: Machado, Oliveira & Fernandes (2009) at severity 1.0, CIE L*a*b*.

Matrices from the paper's table (linear RGB), as used by colorspacious and DaltonLens. Greyscale is
the CIE L* of the colour (what a greyscale printer or photocopy keeps).
"""

from __future__ import annotations

import numpy as np

MACHADO = {
    "protan": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                        [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                        [-0.011820, 0.042940, 0.968881]]),
    "tritan": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                        [0.004733, 0.691367, 0.303900]]),
}
_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(hex_colour: str) -> np.ndarray:
    """'#rrggbb' -> linear-light RGB in [0, 1]."""
    srgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    """Linear RGB -> CIE L*a*b* (D65)."""
    xyz = _SRGB_TO_XYZ @ np.clip(rgb_linear, 0, 1) / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen(hex_colour: str, vision: str = "normal") -> np.ndarray:
    """L*a*b* of the colour as seen with `vision` ('normal', 'protan', 'deutan', 'tritan')."""
    rgb = linear_rgb(hex_colour)
    return lab(rgb if vision == "normal" else MACHADO[vision] @ rgb)


def min_difference(colours: list[str], vision: str) -> float:
    """Smallest CIE76 colour difference between any two of the colours as seen with `vision`."""
    points = [seen(c, vision) for c in colours]
    return min(float(np.linalg.norm(a - b)) for i, a in enumerate(points) for b in points[i + 1:])


def min_lightness_step(colours: list[str]) -> float:
    """Smallest difference in L* (greyscale) between any two of the colours."""
    light = sorted(float(seen(c)[0]) for c in colours)
    return min(b - a for a, b in zip(light, light[1:]))
