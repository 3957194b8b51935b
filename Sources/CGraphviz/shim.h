#ifndef CASCADE_CGRAPHVIZ_SHIM_H
#define CASCADE_CGRAPHVIZ_SHIM_H

// Umbrella header for the system Graphviz libraries (libgvc, libcgraph).
//
// Only the Swift `Graphviz` target may import this module. Prototypes that
// differ between Graphviz releases are wrapped here in `cgv_*` functions with a
// single, stable signature, so the Swift code compiles against every release.

#include <stddef.h>
#include <stdlib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

// Error capture (agseterrf) is done in Swift with a @convention(c) callback:
// a static buffer defined in this header would be duplicated in every module
// that imports it.

// Why `_Generic` instead of a preprocessor version check:
//
// * `gvRenderData`'s length out-parameter is `unsigned int *` in Graphviz 2.x
//   (Debian 12 ships 2.42.2, whose headers even say "2.43.0") and `size_t *`
//   in newer releases.
// * `gvPluginList` takes an unused fourth `char *` argument in 2.x; newer
//   releases dropped it.
//
// The only version macro old headers provide is PACKAGE_VERSION, a *string*
// that `#if` cannot compare; GRAPHVIZ_VERSION_MAJOR exists only in newer
// headers, and hard-coding the exact release of each API change would be a
// guess. `_Generic` instead asks the compiler for the type of the prototype
// actually declared in the installed header and selects the matching call.
// The unselected association is never type-checked against the call, so both
// header generations compile without any function-pointer cast, and only the
// pointer whose type matches the real prototype is non-NULL. There is
// deliberately no `default:` association: if a future Graphviz changes the
// prototype again, this header fails to compile instead of silently calling
// through a wrong signature.
//
// (Rendering with gvRender() into an open_memstream() FILE* would also avoid
// the length type, but needs a POSIX-2008 libc extension, an extra copy through
// stdio, and still leaves gvPluginList to be solved, so we keep gvRenderData.)

typedef int (*cgv_render_data_uint_fn)(GVC_t *, graph_t *, const char *, char **,
                                       unsigned int *);
typedef int (*cgv_render_data_size_fn)(GVC_t *, graph_t *, const char *, char **,
                                       size_t *);

/// gvRenderData with a `size_t` length on every Graphviz version.
/// On success `*result` must be released with gvFreeRenderData().
static inline int cgv_render_data(GVC_t *gvc, graph_t *g, const char *format,
                                  char **result, size_t *length) {
  // Exactly one of these is non-NULL: the one whose type is the declared one.
  // No function pointer is ever cast to a different function type.
  cgv_render_data_uint_fn as_uint =
      _Generic(&gvRenderData, cgv_render_data_uint_fn: &gvRenderData,
               cgv_render_data_size_fn: (cgv_render_data_uint_fn)NULL);
  cgv_render_data_size_fn as_size =
      _Generic(&gvRenderData, cgv_render_data_size_fn: &gvRenderData,
               cgv_render_data_uint_fn: (cgv_render_data_size_fn)NULL);
  *result = NULL;
  *length = 0;
  if (as_size != NULL) {
    return as_size(gvc, g, format, result, length);
  }
  unsigned int len = 0;
  int rc = as_uint(gvc, g, format, result, &len);
  *length = (size_t)len;
  return rc;
}

typedef char **(*cgv_plugin_list4_fn)(GVC_t *, const char *, int *, char *);
typedef char **(*cgv_plugin_list3_fn)(GVC_t *, const char *, int *);

/// gvPluginList on every Graphviz version ("render", "layout", "device", ...).
/// Release the result with cgv_free_plugin_list().
static inline char **cgv_plugin_list(GVC_t *gvc, const char *kind, int *count) {
  cgv_plugin_list4_fn four = _Generic(&gvPluginList, cgv_plugin_list4_fn: &gvPluginList,
                                      cgv_plugin_list3_fn: (cgv_plugin_list4_fn)NULL);
  cgv_plugin_list3_fn three = _Generic(&gvPluginList, cgv_plugin_list3_fn: &gvPluginList,
                                       cgv_plugin_list4_fn: (cgv_plugin_list3_fn)NULL);
  *count = 0;
  return three != NULL ? three(gvc, kind, count) : four(gvc, kind, count, NULL);
}

/// Frees a list returned by cgv_plugin_list().
static inline void cgv_free_plugin_list(char **list, int count) {
  if (list == NULL) return;
  for (int i = 0; i < count; i++) free(list[i]);
  free(list);
}

#endif
