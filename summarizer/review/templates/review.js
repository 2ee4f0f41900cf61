"use strict";
(function () {
  var tip = document.getElementById("tip");
  var lit = [];

  function marksOf(id) {
    return document.querySelectorAll('mark[data-fact="' + id + '"]');
  }

  function show(id) {
    var marks = marksOf(id);
    if (!marks.length) return false;
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    marks[0].scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    marks.forEach(function (m) {
      m.classList.remove("flash");
      void m.offsetWidth; // restart the animation
      m.classList.add("flash");
    });
    return true;
  }

  function light(ids) {
    lit.forEach(function (el) { el.classList.remove("lit"); });
    lit = ids.map(function (id) { return document.getElementById("fact-" + id); }).filter(Boolean);
    lit.forEach(function (el) { el.classList.add("lit"); });
  }

  // Every mark the pointer is in, innermost first: overlapping spans each say their fact.
  function around(mark) {
    var found = [];
    for (var el = mark; el && el.id !== "text"; el = el.parentElement) {
      if (el.tagName === "MARK" && el.dataset.fact) found.push(el);
    }
    return found;
  }

  function tipFor(mark) {
    var marks = around(mark);
    tip.replaceChildren();
    marks.forEach(function (m) {
      var line = document.createElement("div");
      line.textContent = m.dataset.label;
      tip.appendChild(line);
    });
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var top = box.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight) top = Math.max(0, box.top - tip.offsetHeight - 6);
    tip.style.top = top + "px";
    tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 4)) + "px";
    light(marks.map(function (m) { return m.dataset.fact; }));
  }

  function hide() {
    tip.hidden = true;
    light([]);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-goto]");
    if (link && show(link.dataset.goto)) {
      event.preventDefault();
      return;
    }
    var mark = event.target.closest("mark[data-fact]");
    if (mark) tipFor(mark); else hide();
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest("mark[data-fact]");
    if (mark) tipFor(mark);
  });
  document.addEventListener("mouseout", function (event) {
    var to = event.relatedTarget;
    var stillIn = to && to.closest && to.closest("mark[data-fact]");
    if (event.target.closest("mark[data-fact]") && !stillIn) hide();
  });
  document.addEventListener("focusin", function (event) {
    var mark = event.target.closest && event.target.closest("mark[data-fact]");
    if (mark) tipFor(mark);
  });
  document.addEventListener("focusout", hide);
  window.addEventListener("scroll", hide, { passive: true });
})();
