// A recogniser reaching forward into resolve: scripts/check-layers must refuse it.
#include "resolve/later.h"
