#if __has_include(<cmark.h>)
#include <cmark.h>
#else
#error "cityscore needs libcmark (the CommonMark reference library). Install it with: sudo apt-get install libcmark-dev (Debian, Ubuntu) or: brew install cmark (macOS)"
#endif
