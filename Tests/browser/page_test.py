#!/usr/bin/env python3
"""The meeting page in a real browser (Debian's chromium and chromium-driver, driven by
Selenium): the served page and the static site. Run by .ci/run after `swift build`:

    python3 Tests/browser/page_test.py .build/debug/cascade [--screenshots DIR]

With --screenshots it also writes the overview, a unit page and presenter mode as PNGs (the
README's pictures: `python3 Tests/browser/page_test.py .build/debug/cascade --screenshots docs`).
"""
import os, re, shutil, subprocess, sys, tempfile, time, unittest

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASCADE = None
SHOTS = None


def browser():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1920,1080",
              "--disable-dev-shm-usage", "--allow-file-access-from-files"]:
        o.add_argument(a)
    d = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)
    # The page itself, not the window, is a 1920×1080 projector.
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    return d


# Sizes on screen, in CSS pixels, of the text in the page's own unit: objective titles (bold,
# 12 pt in the SVG), status and progress text (10 pt), as the diagram is shown now.
TEXT_SIZES = """
  const svg = document.querySelector('#diagram svg');
  const subject = svg.querySelector('g.cluster.subject');
  const screen = document.getElementById('diagram').getBoundingClientRect();
  const inside = (r) => r.right > screen.left && r.left < screen.right && r.bottom > screen.top && r.top < screen.bottom;
  const own = [...svg.querySelectorAll('g.node.objective')].filter((g) => {
    if (!subject) return true;
    const a = g.getBoundingClientRect(); const b = subject.getBoundingClientRect();
    return a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  });
  let titles = []; let status = [];
  for (const g of own) {
    for (const t of g.querySelectorAll('text')) {
      if (!inside(t.getBoundingClientRect())) continue;
      const px = parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a;
      if (t.getAttribute('font-weight') === 'bold' && parseFloat(t.getAttribute('font-size')) >= 12) titles.push(px);
      if (parseFloat(t.getAttribute('font-size')) <= 10) status.push(px);
    }
  }
  return {titles: titles.length ? Math.min(...titles) : null, status: status.length ? Math.min(...status) : null,
          objectives: own.length};
"""


def wait(d, condition, seconds=10):
    # A live page redraws parts of itself (a new version of the plan redraws the open panel):
    # an element found a moment ago may be gone; look again.
    return WebDriverWait(d, seconds, poll_frequency=0.1,
                         ignored_exceptions=[StaleElementReferenceException]).until(lambda _: condition())


class ServedPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cascade-browser-")
        cls.plan = os.path.join(cls.tmp, "plan")
        shutil.copytree(os.path.join(ROOT, "Plans", "sales-zh"), cls.plan)
        cls.server = subprocess.Popen(
            [CASCADE, "serve", cls.plan, "--as-of", "2027-02-28", "--port", "0", "--allow-checkins"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()
        m = re.search(r"(http://[^ #]+)(#token=\w+)?", line)
        assert m, "no URL in: " + line
        cls.base, cls.token = m.group(1), m.group(2) or ""
        cls.d = browser()

    @classmethod
    def tearDownClass(cls):
        cls.d.quit()
        cls.server.terminate()
        cls.server.wait(10)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def open(self, path):
        self.d.get(self.base.rstrip("/") + path)
        wait(self.d, lambda: self.d.find_elements(By.CSS_SELECTOR, "#diagram svg"))

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def test_1_overview_in_chinese(self):
        self.open("/" + self.token)
        self.assertIn("星辰科技", self.d.find_element(By.ID, "title").text)
        self.assertEqual(self.js("return document.documentElement.lang"), "zh-CN")
        self.assertIn("搜索", self.d.find_element(By.ID, "search").get_attribute("placeholder"))
        if SHOTS:
            self.d.save_screenshot(os.path.join(SHOTS, "serve-overview.png"))

    def test_2_search_then_keyboard(self):
        self.open("/")
        box = self.d.find_element(By.ID, "search")
        box.send_keys("张伟")
        wait(self.d, lambda: self.d.find_elements(By.CSS_SELECTOR, "#results li:not(.none)"))
        box.send_keys(Keys.ENTER)
        wait(self.d, lambda: self.js("return location.pathname") == "/u/zhang-wei")
        wait(self.d, lambda: "张伟" in self.d.find_element(By.ID, "crumbs").text)
        body = self.d.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.ARROW_UP)
        wait(self.d, lambda: self.js("return location.pathname") == "/u/sales-east")
        body.send_keys(Keys.ENTER)
        wait(self.d, lambda: self.js("return location.pathname") == "/u/zhang-wei")
        body.send_keys(Keys.ARROW_RIGHT)
        wait(self.d, lambda: self.js("return location.pathname") != "/u/zhang-wei")
        self.d.back()
        wait(self.d, lambda: self.js("return location.pathname") == "/u/zhang-wei")
        if SHOTS:
            self.open("/u/sales")
            time.sleep(0.3)
            self.d.save_screenshot(os.path.join(SHOTS, "serve-unit.png"))

    def test_3_key_result_panel_and_filter(self):
        self.open("/k/acme-cn/grow-sales/revenue")
        wait(self.d, lambda: self.d.find_element(By.ID, "panel").is_displayed())
        panel = self.d.find_element(By.ID, "panel").text
        self.assertIn("季度销售额", panel)
        self.assertIn("进度 =", panel)
        self.assertTrue(self.d.find_elements(By.CSS_SELECTOR, "#panel svg.chart polyline"))
        self.assertTrue(self.d.find_elements(By.CSS_SELECTOR, "#panel form.checkin"))
        # A click on a key result's row in the diagram opens its panel too.
        self.open("/u/acme-cn")
        row = self.d.find_element(By.CSS_SELECTOR, "#diagram a.link[data-route*='acme-cn/grow-sales/new-customers']")
        self.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", row)
        wait(self.d, lambda: self.js("return location.pathname") == "/k/acme-cn/grow-sales/new-customers")
        self.d.find_element(By.CSS_SELECTOR, "#filters input[value=off_track]").click()
        wait(self.d, lambda: self.d.find_elements(By.CSS_SELECTOR, "#diagram g.node.dim"))

    def test_4_presenter_mode(self):
        self.open("/u/sales")
        body = self.d.find_element(By.TAG_NAME, "body")
        body.send_keys("p")
        wait(self.d, lambda: self.js("return document.body.classList.contains('presenter')"))
        self.assertFalse(self.d.find_element(By.TAG_NAME, "header").is_displayed())
        if SHOTS:
            time.sleep(0.3)
            self.d.save_screenshot(os.path.join(SHOTS, "serve-presenter.png"))
        # Readable from the back of the room on a 1920×1080 projector, on every kind of page:
        # objective titles at least 18 px, status text at least 14 px, at fit.
        for path in ["/u/sales", "/u/acme-cn", "/u/sales-east", "/u/zhang-wei", "/u/customer-success"]:
            self.d.get(self.base + path)
            wait(self.d, lambda: self.d.find_elements(By.CSS_SELECTOR, "#diagram svg g.cluster.subject"))
            body = self.d.find_element(By.TAG_NAME, "body")
            if not self.js("return document.body.classList.contains('presenter')"):
                body.send_keys("p")
            body.send_keys("0")
            time.sleep(0.2)
            sizes = self.js(TEXT_SIZES)
            self.assertGreater(sizes["objectives"], 0, path)
            self.assertGreaterEqual(sizes["titles"], 18, "%s: %s" % (path, sizes))
            self.assertGreaterEqual(sizes["status"], 14, "%s: %s" % (path, sizes))
        # Arrows still move between siblings in presenter mode.
        before = self.js("return location.pathname")
        self.d.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        wait(self.d, lambda: self.js("return location.pathname") != before)
        self.d.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        wait(self.d, lambda: not self.js("return document.body.classList.contains('presenter')"))

    def test_4b_wheel_keys_and_pinch_zoom(self):
        self.open("/u/sales")
        width = lambda: float(self.js("return document.querySelector('#diagram svg').getAttribute('viewBox').split(' ')[2]"))
        fitted = width()
        self.d.find_element(By.TAG_NAME, "body").send_keys("+")
        self.assertLess(width(), fitted)
        self.d.find_element(By.TAG_NAME, "body").send_keys("0")
        self.assertAlmostEqual(width(), fitted, delta=0.5)
        # Two fingers moving apart zoom in; moving together zoom out.
        touch = lambda kind, points: self.d.execute_cdp_cmd("Input.dispatchTouchEvent", {
            "type": kind, "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]})
        touch("touchStart", [(900, 500), (1000, 500)])
        for step in range(1, 6):
            touch("touchMove", [(900 - 40 * step, 500), (1000 + 40 * step, 500)])
        touch("touchEnd", [])
        zoomed = width()
        self.assertLess(zoomed, fitted * 0.7, "pinching out zooms in")
        touch("touchStart", [(700, 500), (1200, 500)])
        for step in range(1, 6):
            touch("touchMove", [(700 + 40 * step, 500), (1200 - 40 * step, 500)])
        touch("touchEnd", [])
        self.assertGreater(width(), zoomed * 1.5, "pinching in zooms out")
        # The wheel zooms in and out.
        before = width()
        self.d.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": 900, "y": 500, "deltaX": 0, "deltaY": -100})
        wait(self.d, lambda: width() < before)
        self.d.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": 900, "y": 500, "deltaX": 0, "deltaY": 100})
        wait(self.d, lambda: abs(width() - before) < 0.5)

    def test_5_a_saved_file_updates_the_open_page(self):
        self.open("/u/acme-cn")
        version = int(self.js("return document.body.dataset.version"))
        path = os.path.join(self.plan, "company.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("下季度销售额增长20%", "下季度销售额增长25%"))
        start = time.time()
        wait(self.d, lambda: int(self.js("return document.body.dataset.version")) > version, 5)
        wait(self.d, lambda: "25%" in self.d.find_element(By.ID, "diagram").text, 5)
        self.assertLess(time.time() - start, 3)
        self.assertEqual(self.js("return location.pathname"), "/u/acme-cn")

    def test_6_a_check_in_from_the_panel(self):
        self.open("/k/acme-cn/grow-sales/units-sold")
        wait(self.d, lambda: self.d.find_elements(By.CSS_SELECTOR, "#panel form.checkin input[name=value]"))
        self.d.find_element(By.CSS_SELECTOR, "#panel form.checkin input[name=value]").send_keys("190")
        self.d.find_element(By.CSS_SELECTOR, "#panel form.checkin button").click()
        # Read in one step: the panel is drawn again when the new version of the plan arrives.
        out = lambda: self.js("const o = document.querySelector('#panel form.checkin output'); return o ? o.textContent : ''")
        wait(self.d, lambda: "190" in out())
        self.assertIn("进度", out())
        with open(os.path.join(self.plan, "checkins.csv"), encoding="utf-8") as f:
            self.assertIn("acme-cn/grow-sales/units-sold,190", f.read())


class StaticSite(unittest.TestCase):
    def test_site_works_from_file_urls(self):
        tmp = tempfile.mkdtemp(prefix="cascade-site-")
        try:
            subprocess.run([CASCADE, "site", os.path.join(ROOT, "Plans", "sales-zh"), "-o", tmp, "--as-of", "2027-02-28"],
                           check=True, capture_output=True)
            d = browser()
            try:
                d.get("file://" + tmp + "/index.html")
                wait(d, lambda: d.find_elements(By.CSS_SELECTOR, "#diagram svg"))
                d.get("file://" + tmp + "/index.html#/u/sales")
                wait(d, lambda: "销售部" in d.find_element(By.ID, "crumbs").text)
                d.get("file://" + tmp + "/index.html#/k/acme-cn/grow-sales/revenue")
                wait(d, lambda: d.find_element(By.ID, "panel").is_displayed())
                self.assertIn("进度", d.find_element(By.ID, "panel").text)
                self.assertFalse(d.find_elements(By.CSS_SELECTOR, "#panel form.checkin"), "the site is read-only")
                # Search (the index is loaded on the first search), then the keyboard.
                d.get("file://" + tmp + "/index.html")
                wait(d, lambda: d.find_elements(By.CSS_SELECTOR, "#diagram svg"))
                box = d.find_element(By.ID, "search")
                box.send_keys("张伟")
                wait(d, lambda: d.find_elements(By.CSS_SELECTOR, "#results li:not(.none)"))
                box.send_keys(Keys.ENTER)
                wait(d, lambda: d.execute_script("return location.hash") == "#/u/zhang-wei")
                wait(d, lambda: "张伟" in d.find_element(By.ID, "crumbs").text)
                page = d.find_element(By.TAG_NAME, "body")
                page.send_keys(Keys.ARROW_UP)
                wait(d, lambda: d.execute_script("return location.hash") == "#/u/sales-east")
                page.send_keys(Keys.ARROW_UP)
                wait(d, lambda: d.execute_script("return location.hash") == "#/u/sales")
                wait(d, lambda: d.find_elements(By.CSS_SELECTOR, "#diagram svg g.cluster.subject"))
                # A filter dims the objectives and child units that do not match.
                d.find_element(By.CSS_SELECTOR, "#filters input[value=off_track]").click()
                wait(d, lambda: d.find_elements(By.CSS_SELECTOR, "#diagram g.node.dim"))
                self.assertTrue(d.find_elements(By.CSS_SELECTOR, "#diagram g.node.unit.f-off_track:not(.dim)"))
                page.send_keys(Keys.ENTER)
                wait(d, lambda: d.execute_script("return location.hash") == "#/u/sales-east")
                errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
                self.assertEqual(errors, [])
            finally:
                d.quit()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    CASCADE = os.path.abspath(sys.argv[1])
    if "--screenshots" in sys.argv:
        SHOTS = os.path.abspath(sys.argv[sys.argv.index("--screenshots") + 1])
        os.makedirs(SHOTS, exist_ok=True)
    unittest.main(argv=[sys.argv[0]], verbosity=2)
