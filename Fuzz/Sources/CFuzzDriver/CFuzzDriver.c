// Header-only: the definition comes from libFuzzer's runtime.
#include "CFuzzDriver.h"
