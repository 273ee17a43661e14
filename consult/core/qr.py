"""QR codes as SVG data: URIs (the Content-Security-Policy allows img-src data:)."""

import base64
import io

import qrcode
import qrcode.image.svg


def qr_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
