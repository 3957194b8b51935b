import CascadeCore

/// The browser side, inside the binary (`resources: .embedInCode`): one script, one style sheet
/// and the page shell. No CDN, no external font, no request to anywhere but the page's origin.
enum Assets {
  static var script: [UInt8] { PackageResources.app_js }
  static var style: [UInt8] { PackageResources.app_css }

  /// The page: chrome, stage, panel. `mode` is `serve` (the API) or `site` (static files, with
  /// `root` the way from this page to the site's folder).
  static func shell(language: Language, mode: String = "serve", root: String = "/") -> String {
    let lang = language == .zh ? "zh-CN" : "en"
    let filters = ["off_track", "at_risk", "stale", "problems", "committed"].map {
      "<label><input type=\"checkbox\" value=\"\($0)\"> <span></span></label>"
    }.joined()
    // The static site says its policy in the page (file:// has no headers).
    let policy =
      mode == "site"
      ? "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; "
        + "style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'\">\n" : ""
    return """
      <!doctype html>
      <html lang="\(lang)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      \(policy)<title>Cascade</title>
      <link rel="stylesheet" href="\(root)assets/app.css">
      </head>
      <body data-mode="\(mode)" data-root="\(root)">
      <header>
      <span id="title"></span>
      <div class="search"><input id="search" type="search" autocomplete="off"><ul id="results" hidden></ul></div>
      <div id="filters">\(filters)</div>
      <button id="fit" type="button"></button>
      <button id="presenter" type="button"></button>
      <a id="review-link" href="\(mode == "serve" ? "/review" : "#/review")"></a>
      </header>
      <div id="banner" hidden></div>
      <main>
      <section id="stage"><nav id="crumbs"></nav><span id="problems"></span><div id="diagram"></div></section>
      <section id="review" hidden></section>
      <aside id="panel" hidden><button id="panel-close" type="button">×</button><div id="panel-body"></div></aside>
      </main>
      <script src="\(root)assets/app.js"></script>
      </body>
      </html>

      """
  }
}
