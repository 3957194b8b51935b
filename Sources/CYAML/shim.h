#ifndef CASCADE_CYAML_SHIM_H
#define CASCADE_CYAML_SHIM_H
#include <yaml.h>
#endif
