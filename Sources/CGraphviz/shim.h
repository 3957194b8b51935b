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
#include <graphviz/types.h>

// The resolution a laid-out graph is rendered at (0: the device's own, 96 for bitmaps).
// Read at render time, so a drawing too big for a bitmap can be rendered smaller on purpose
// instead of being scaled by the cairo plugin, which says so only on stderr.
static inline double cgv_drawing_dpi(Agraph_t *g) {
  return GD_drawing(g) ? GD_drawing(g)->dpi : 0;
}
static inline void cgv_set_drawing_dpi(Agraph_t *g, double dpi) {
  if (GD_drawing(g)) GD_drawing(g)->dpi = dpi;
}

// cgraph's DOT lexer is one process-wide flex scanner that reads ahead: after agmemread()
// returns, it still holds what followed the first graph, and the next agmemread() goes on
// from there (it returned a previous source's second graph instead of its own, and a newline
// after a graph's closing brace pushed the next error's line number by one). aglexbad()
// discards that buffer. It is not in cgraph's public header, so it is declared weak here: a
// Graphviz that drops it (a reentrant lexer needs no flush) leaves the call a no-op.
extern void aglexbad(void) __attribute__((weak));
static inline void cgv_flush_lexer(void) {
  if (aglexbad) aglexbad();
}

// Error capture (agseterrf) is done in Swift with a @convention(c) callback:
// a static buffer defined in this header would be duplicated in every module
// that imports it.

// Why `_Generic` instead of a preprocessor version check:
//
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
// Rendering goes through gvRender() into an open_memstream() FILE*, not
// gvRenderData(): that sidesteps gvRenderData's length type (`unsigned int *`
// in 2.x, `size_t *` later) and its page-at-a-time buffer growth, which was
// measurably slower on large diagrams.

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
