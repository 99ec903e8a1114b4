#!/usr/bin/python3
"""The peer for bench_printing: the same 4 x 3 in badge as BadgeRenderer draws with the policymaker-4x3in layout,
drawn with Python reportlab (what pretix and Indico render badges with; Debian python3-reportlab).

Same page size, texts, fonts (Noto Sans regular and bold, embedded TrueType subsets), colours and positions; the
QR code as vector squares (reportlab's QrCodeWidget, error correction M). Names are fitted like the layout asks:
the largest size from maxSize down to minSize at which the text fits its box. reportlab does no text shaping, so
the badge's name must be in a script that needs none (Cyrillic, Latin, Greek).

Fonts are registered once; each badge is a new one-page PDF document in memory, as the kiosk's print worker makes
one PDF per badge. Prints one JSON line: the median (wall clock and this thread's CPU time) and mean milliseconds
per badge over --iterations badges (interpreter start, imports and one warm-up badge excluded) and the size of one
PDF. --out FILE also writes one badge to look at.
"""
import argparse
import io
import json
import statistics
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

MM = 72.0 / 25.4
PAGE_W, PAGE_H = 101.6 * MM, 76.2 * MM  # 4 x 3 in, landscape
BLUE, INK, MUTED, ACCENT, WHITE = (HexColor(c) for c in ("#163A68", "#14202E", "#5C6675", "#E8A33D", "#FFFFFF"))


def fitted_size(text, font, width_mm, min_size, max_size):
    """The largest size (0.5 pt steps) at which text fits width_mm on one line; min_size when none does."""
    size = max_size
    while size > min_size and pdfmetrics.stringWidth(text, font, size) > width_mm * MM:
        size -= 0.5
    return size


def text(c, value, font, x, y, w, h, min_size, max_size, colour, align="start", valign="top"):
    """One line of text in the box (x, y, w, h) in mm from the top-left corner, fitted and aligned."""
    size = fitted_size(value, font, w, min_size, max_size)
    c.setFont(font, size)
    c.setFillColor(colour)
    face = pdfmetrics.getFont(font).face
    ascent, descent = face.ascent * size / 1000.0, -face.descent * size / 1000.0
    top = PAGE_H - y * MM
    if valign == "middle":
        baseline = top - h * MM / 2 - (ascent - descent) / 2
    elif valign == "bottom":
        baseline = top - h * MM + descent
    else:
        baseline = top - ascent
    if align == "end":
        c.drawRightString((x + w) * MM, baseline, value)
    else:
        c.drawString(x * MM, baseline, value)


def band(c, x, y, w, h, colour):
    c.setFillColor(colour)
    c.rect(x * MM, PAGE_H - (y + h) * MM, w * MM, h * MM, stroke=0, fill=1)


def badge(b):
    """One badge as PDF bytes."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    text(c, b["event_name"], "NotoSans-Bold", 7, 5.5, 56, 5, 7, 9, BLUE, valign="middle")
    text(c, b["event_dates"], "NotoSans", 64, 5.5, 30.6, 5, 6.5, 8, MUTED, align="end", valign="middle")
    band(c, 7, 12, 12, 0.9, ACCENT)
    text(c, b["given_name"], "NotoSans-Bold", 7, 14.5, 62, 17.5, 20, 40, INK, valign="bottom")
    text(c, b["display_name"], "NotoSans", 7, 33, 62, 11, 9, 15, INK)
    text(c, b["latin_name"], "NotoSans", 7, 44.5, 62, 4.6, 7.5, 10, MUTED)
    text(c, b["organisation"], "NotoSans", 7, 50.6, 62, 10.2, 8.5, 10, MUTED)

    if b["token"]:
        # 24 mm square including a 4-module quiet zone, vector squares; drawn the way pretix draws its QR codes.
        side = 24 * MM
        drawing = Drawing(side, side)
        drawing.add(QrCodeWidget(b["token"], barLevel="M", barBorder=4, barWidth=side, barHeight=side))
        renderPDF.draw(drawing, c, 72.6 * MM, PAGE_H - (35.5 + 24) * MM)

    band(c, 0, 62.4, 101.6, 0.8, ACCENT)
    band(c, 0, 63.2, 101.6, 13, BLUE)
    text(c, b["role_label"].upper(), "NotoSans-Bold", 7, 65.3, 52, 7.8, 7, 11, WHITE, valign="middle")
    text(c, b["country_name"], "NotoSans", 60, 65.3, 34.6, 7.8, 6.5, 10, WHITE, align="end", valign="middle")
    c.showPage()
    c.save()
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--fonts", default="/usr/share/fonts/truetype/noto")
    parser.add_argument("--given-name", default="Ольга")
    parser.add_argument("--display-name", default="Ольга Смирнова")
    parser.add_argument("--latin-name", default="Olga Smirnova")
    parser.add_argument("--organisation", default="Ministry of Digital Development")
    parser.add_argument("--country-name", default="Russian Federation")
    parser.add_argument("--role-label", default="Policymaker Program")
    parser.add_argument("--event-name", default="IETF 122 Bangkok")
    parser.add_argument("--event-dates", default="15–21 March 2025")
    parser.add_argument("--token", default="7" * 178, help="the QR code's text; empty: no QR code")
    parser.add_argument("--out", help="also write one badge to this PDF file")
    args = parser.parse_args()

    pdfmetrics.registerFont(TTFont("NotoSans", f"{args.fonts}/NotoSans-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("NotoSans-Bold", f"{args.fonts}/NotoSans-Bold.ttf"))
    data = {k: getattr(args, k) for k in ("given_name", "display_name", "latin_name", "organisation",
                                          "country_name", "role_label", "event_name", "event_dates", "token")}
    pdf = badge(data)  # warm-up: the first badge parses the font files
    if args.out:
        with open(args.out, "wb") as f:
            f.write(pdf)
    times = []
    cpu_times = []
    for _ in range(args.iterations):
        start, cpu_start = time.perf_counter(), time.thread_time()
        pdf = badge(data)
        times.append((time.perf_counter() - start) * 1000.0)
        cpu_times.append((time.thread_time() - cpu_start) * 1000.0)
    print(json.dumps({"median_ms": statistics.median(times), "median_cpu_ms": statistics.median(cpu_times),
                      "mean_ms": statistics.fmean(times), "iterations": args.iterations, "bytes": len(pdf)}))


if __name__ == "__main__":
    main()
