#include "bench/zbarscanner.h"

#include <zbar.h>

ZbarScanner::ZbarScanner()
    : m_scanner(zbar::zbar_image_scanner_create())
{
    auto *scanner = static_cast<zbar::zbar_image_scanner_t *>(m_scanner);
    zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
}

ZbarScanner::~ZbarScanner()
{
    zbar::zbar_image_scanner_destroy(static_cast<zbar::zbar_image_scanner_t *>(m_scanner));
}

std::vector<std::string> ZbarScanner::scan(const unsigned char *pixels, int width, int height)
{
    zbar::zbar_image_t *image = zbar::zbar_image_create();
    zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image, unsigned(width), unsigned(height));
    zbar::zbar_image_set_data(image, pixels, unsigned(width) * unsigned(height), nullptr);
    std::vector<std::string> texts;
    if (zbar::zbar_scan_image(static_cast<zbar::zbar_image_scanner_t *>(m_scanner), image) > 0) {
        for (const zbar::zbar_symbol_t *s = zbar::zbar_image_first_symbol(image); s; s = zbar::zbar_symbol_next(s))
            texts.emplace_back(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
    }
    zbar::zbar_image_destroy(image);
    return texts;
}
