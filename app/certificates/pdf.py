"""The certificate as a PDF, drawn with reportlab: one A4 landscape page.

The org's name on a band of its branding colour (``primary_color``; a default blue when
it has none), its uploaded logo at the band's left when it has one (the stored image's
bytes, handed in by the caller: drawing makes no request), the holder's name, what was
achieved, the date, and the verification address as text and as a QR code (reportlab's
own ``qr`` widget: no other library). Text is set in DejaVu Sans when the system has it
(names in any European script print), else in Helvetica (Latin-1). Drawing is CPU work
of some milliseconds: callers run it in a worker thread (``render`` is synchronous on purpose).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

logger = logging.getLogger("quizgraph.certificates.pdf")

DEFAULT_COLOR = "#1d4ed8"
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_PAGE_WIDTH, _PAGE_HEIGHT = landscape(A4)
_MARGIN = 36.0
_QR_SIZE = 110.0
_BAND = 70.0
# The logo's box on the band: its height less a padding, at most this wide.
_LOGO_PAD = 8.0
_LOGO_MAX_WIDTH = 150.0


@dataclass(frozen=True, slots=True)
class PrintedCertificate:
    """Everything the page shows, as text."""

    org_name: str
    primary_color: str | None
    holder_name: str
    achievement: str
    issued_on: str
    code: str
    verification_url: str
    logo: bytes | None = None  # the org's uploaded logo (PNG, JPEG or WebP), if any


@cache
def _fonts() -> tuple[str, str]:
    """(regular, bold) font names, registered once per process."""
    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdfmetrics.registerFont(TTFont("QGSans", str(regular)))
        pdfmetrics.registerFont(TTFont("QGSans-Bold", str(bold)))
        return "QGSans", "QGSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _color(value: str | None) -> colors.Color:
    try:
        return colors.HexColor(value or DEFAULT_COLOR)
    except (ValueError, TypeError):
        return colors.HexColor(DEFAULT_COLOR)


def _fitted(text: str, font: str, size: float, width: float, smallest: float = 10) -> float:
    """The largest size up to ``size`` at which ``text`` fits ``width`` (not below
    ``smallest``; a longer text is drawn at that and may run into the margin)."""
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    return size


def _centred(canvas: Canvas, text: str, y: float, font: str, size: float, inset: float = 0) -> None:
    """``text`` centred on the page, fitted between the margins less ``inset`` a side."""
    width = _PAGE_WIDTH - 2 * _MARGIN - 40 - 2 * inset
    canvas.setFont(font, _fitted(text, font, size, width))
    canvas.drawCentredString(_PAGE_WIDTH / 2, y, text)


def _qr(canvas: Canvas, url: str, x: float, y: float) -> None:
    widget = QrCodeWidget(url)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        _QR_SIZE,
        _QR_SIZE,
        transform=[_QR_SIZE / (right - left), 0, 0, _QR_SIZE / (top - bottom), 0, 0],
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _logo(canvas: Canvas, data: bytes, band_bottom: float) -> float:
    """Draw the logo at the band's left, its proportions kept; the width it took (0
    when the image can't be read: the certificate prints without it)."""
    try:
        image = ImageReader(io.BytesIO(data))
        width, height = (float(side) for side in image.getSize())
        if width <= 0 or height <= 0:
            return 0.0
        scale = min((_BAND - 2 * _LOGO_PAD) / height, _LOGO_MAX_WIDTH / width)
        drawn_width, drawn_height = width * scale, height * scale
        y = band_bottom + (_BAND - drawn_height) / 2
        canvas.drawImage(image, _MARGIN / 2 + _LOGO_PAD, y, drawn_width, drawn_height, mask="auto")
    except Exception:  # checked on upload; a bad image must not cost the certificate
        logger.warning("the org's logo could not be read; the certificate prints without it")
        return 0.0
    return drawn_width + _LOGO_PAD


def render(printed: PrintedCertificate) -> bytes:
    """The PDF's bytes."""
    regular, bold = _fonts()
    brand = _color(printed.primary_color)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(_PAGE_WIDTH, _PAGE_HEIGHT))
    canvas.setTitle(f"Certificate {printed.code}")
    canvas.setAuthor(printed.org_name)
    canvas.setSubject(f"{printed.holder_name} {printed.achievement}")
    # A frame and a band in the org's colour, its name on the band.
    canvas.setStrokeColor(brand)
    canvas.setLineWidth(4)
    canvas.rect(_MARGIN / 2, _MARGIN / 2, _PAGE_WIDTH - _MARGIN, _PAGE_HEIGHT - _MARGIN)
    band_bottom = _PAGE_HEIGHT - _MARGIN / 2 - _BAND
    canvas.setFillColor(brand)
    canvas.rect(_MARGIN / 2, band_bottom, _PAGE_WIDTH - _MARGIN, _BAND, 0, 1)
    # The logo at the band's left; the name stays centred, kept clear of it.
    inset = _logo(canvas, printed.logo, band_bottom) if printed.logo else 0.0
    canvas.setFillColor(colors.white)
    _centred(canvas, printed.org_name, band_bottom + _BAND / 2 - 9, bold, 26, inset)
    # The certificate itself.
    canvas.setFillColor(colors.HexColor("#111827"))
    _centred(canvas, "Certificate of achievement", _PAGE_HEIGHT - 170, bold, 34)
    canvas.setFillColor(colors.HexColor("#374151"))
    _centred(canvas, "This certifies that", _PAGE_HEIGHT - 215, regular, 16)
    canvas.setFillColor(brand)
    _centred(canvas, printed.holder_name, _PAGE_HEIGHT - 262, bold, 36)
    canvas.setFillColor(colors.HexColor("#111827"))
    _centred(canvas, printed.achievement, _PAGE_HEIGHT - 305, regular, 18)
    _centred(canvas, f"on {printed.issued_on}", _PAGE_HEIGHT - 332, regular, 14)
    # How to check it: the address as text and as a QR code.
    canvas.setFillColor(colors.HexColor("#374151"))
    canvas.setFont(regular, 10)
    canvas.drawString(_MARGIN + 10, _MARGIN + 46, f"Certificate code: {printed.code}")
    canvas.drawString(_MARGIN + 10, _MARGIN + 30, f"Verify at: {printed.verification_url}")
    canvas.drawString(
        _MARGIN + 10, _MARGIN + 14, f"Issued by {printed.org_name} through quizgraph."
    )
    _qr(canvas, printed.verification_url, _PAGE_WIDTH - _MARGIN - 10 - _QR_SIZE, _MARGIN + 6)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
