#pragma once

#include <string>
#include <vector>

// zbar's image scanner for one thread, QR only, everything else as zbar sets it. Its own file because zbar.h's C++
// wrappers clash with names from the Qt and ZXing headers.
class ZbarScanner
{
public:
    ZbarScanner();
    ~ZbarScanner();
    ZbarScanner(const ZbarScanner &) = delete;
    ZbarScanner &operator=(const ZbarScanner &) = delete;

    /// The texts of every QR code zbar finds in an 8-bit grey image without row padding (Y800).
    std::vector<std::string> scan(const unsigned char *pixels, int width, int height);

private:
    void *m_scanner; // zbar_image_scanner_t
};
