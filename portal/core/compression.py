"""Text answers compressed with gzip when the client accepts it.

Django's ``GZipMiddleware`` does the work (``Vary: Accept-Encoding``, ETags made
weak, nothing compressed twice or when it would not be smaller), limited here to
what compresses: HTML, XML (sitemaps, feeds), JSON, CSS, JavaScript, SVG, plain
text and CSV. Pictures, PDFs, office files and ZIP archives are compressed already
and pass untouched. Static files never reach it: WhiteNoise, above it, serves them
with its own precompressed copies (brotli and gzip, made by ``collectstatic``).

It sits above the page cache, so a cached page is stored once, uncompressed, and
compressed per answer. A proxy in front may compress too, with brotli for the
clients that ask for it (docs/deploy.md): an answer the app compressed carries
``Content-Encoding`` and the proxy passes it on as it is.

BREACH: the only secret a public page may carry is the CSRF token of a form, which
Django masks with a new random value on every answer, so compression reveals
nothing an attacker could accumulate across requests.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/javascript",
    "image/svg+xml",
)


def is_compressible(response) -> bool:
    content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
    return content_type.startswith(COMPRESSIBLE_TYPES)


class TextCompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        # Wagtail's document serving writes the encoding mimetypes guessed, None for
        # every ordinary file, as the header's value: "Content-Encoding: None".
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        if not is_compressible(response):
            return response
        return super().process_response(request, response)
