(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('steps-data').textContent);
  var S = data.strings, st = data.steps, T = data.threads.length, W = 6, ROW = 24;
  var n = Math.floor(st.length / W);
  var stepNo = new Float64Array(n);
  var lastOf = new Int32Array(T).fill(-1);
  var number = 0;
  for (var i = 0; i < n; i++) {
    number += st[i * W] + 1;
    stepNo[i] = number;
    lastOf[st[i * W + 1]] = i;
  }
  var box = document.getElementById('timeline');
  var inner = document.getElementById('rows');
  var toggle = document.getElementById('toggle-fold');
  var foldable = n > data.head + data.tail + 1;
  var unfolded = false;
  var rows = new Int32Array(0);
  var gaps = [];

  function build() {
    var fold = foldable && !unfolded;
    var list = new Int32Array(2 * n + 2);
    gaps = [];
    var k = 0, previous = 0;
    for (var i = 0; i < n; i++) {
      if (fold && i === data.head) {
        var next = n - data.tail;
        gaps.push({ count: stepNo[next] - stepNo[i - 1] - 1, fold: true });
        list[k++] = -gaps.length;
        previous = stepNo[next] - 1;
        i = next;
      }
      if (stepNo[i] > previous + 1) {
        gaps.push({ count: stepNo[i] - previous - 1, fold: false });
        list[k++] = -gaps.length;
      }
      previous = stepNo[i];
      list[k++] = i;
    }
    rows = list.subarray(0, k);
    inner.style.height = (rows.length * ROW) + 'px';
    box.style.height = Math.max(3 * ROW, Math.min(rows.length * ROW + 2, Math.round(window.innerHeight * 0.7))) + 'px';
    document.body.setAttribute('data-rows', String(rows.length));
    document.body.setAttribute('data-folded', fold ? 'true' : 'false');
    if (toggle) {
      toggle.hidden = !foldable;
      toggle.textContent = fold ? 'Unfold: show all ' + n + ' steps' : 'Fold long schedule';
    }
  }

  function cell(className, text) {
    var div = document.createElement('div');
    div.className = className;
    if (text) {
      div.textContent = text;
    }
    return div;
  }

  function gapRow(gap) {
    var row = document.createElement('div');
    row.className = 'row gap';
    var what = document.createElement('span');
    what.textContent = '\u2026 ' + gap.count + (gap.count === 1 ? ' step' : ' steps')
        + (gap.fold ? ' not shown' : ' not recorded in the report (the text report keeps the first and the last)');
    row.appendChild(what);
    if (gap.fold) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'unfold';
      button.textContent = 'Unfold';
      button.addEventListener('click', unfold);
      row.appendChild(button);
    }
    return row;
  }

  function stepRow(i) {
    var o = i * W, thread = st[o + 1], flags = st[o + 5];
    var row = document.createElement('div');
    row.className = 'row grid' + (flags & 1 ? ' failing' : '') + (flags & 2 ? ' conflict' : '');
    row.setAttribute('data-step', String(stepNo[i]));
    row.appendChild(cell('step', String(stepNo[i])));
    for (var t = 0; t < T; t++) {
      var lane;
      if (t === thread) {
        lane = cell('lane act t' + t + (flags & 4 ? ' write' : ''), S[st[o + 2]]);
        var tip = S[st[o + 2]];
        if (S[st[o + 3]]) {
          tip += '\nat ' + S[st[o + 3]];
        }
        if (st[o + 4] >= 0) {
          tip += '\ntouches ' + S[st[o + 4]];
        }
        lane.title = tip;
      } else if (i > lastOf[t]) {
        lane = cell(data.waits[t] ? 'lane waiting' : 'lane done', '');
        if (data.waits[t]) {
          lane.title = data.waits[t];
        }
      } else {
        lane = cell('lane', '');
      }
      row.appendChild(lane);
    }
    var where = cell('where', S[st[o + 3]]);
    where.title = S[st[o + 3]];
    row.appendChild(where);
    return row;
  }

  function render() {
    // a short timeline is drawn whole; a long one a screenful at a time, around where it is scrolled to
    var whole = rows.length <= 500;
    var first = whole ? 0 : Math.max(0, Math.floor(box.scrollTop / ROW) - 20);
    var last = whole ? rows.length : Math.min(rows.length, first + Math.ceil((box.clientHeight || 600) / ROW) + 40);
    var fragment = document.createDocumentFragment();
    for (var r = first; r < last; r++) {
      var entry = rows[r];
      var row = entry < 0 ? gapRow(gaps[-entry - 1]) : stepRow(entry);
      row.style.top = (r * ROW) + 'px';
      fragment.appendChild(row);
    }
    inner.replaceChildren(fragment);
    document.body.setAttribute('data-rendered-rows', String(last - first));
  }

  function unfold() {
    unfolded = true;
    build();
    render();
  }

  function scrollToStep(number) {
    var low = 0, high = rows.length - 1;
    while (low < high) {
      var mid = (low + high) >> 1;
      var entry = rows[mid];
      var at = entry < 0 ? -1 : stepNo[entry];
      if (entry < 0) {
        at = mid + 1 < rows.length && rows[mid + 1] >= 0 ? stepNo[rows[mid + 1]] - 0.5 : 0;
      }
      if (at < number) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    box.scrollTop = Math.max(0, low * ROW - 3 * ROW);
  }

  var scheduled = false;
  box.addEventListener('scroll', function () {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        render();
      });
    }
  });
  if (toggle) {
    toggle.addEventListener('click', function () {
      unfolded = !unfolded;
      build();
      render();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    button.addEventListener('click', function () {
      var text = document.getElementById(button.getAttribute('data-copy')).textContent;
      var done = function () { button.textContent = 'Copied'; };
      var fallback = function () {
        var area = document.createElement('textarea');
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand('copy');
        area.remove();
        done();
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });

  var hash = window.location.hash;
  var wanted = /^#step=(\d+)$/.exec(hash);
  unfolded = hash === '#unfold' || wanted !== null;
  build();
  if (wanted) {
    scrollToStep(Number(wanted[1]));
  } else if (!unfolded && foldable) {
    box.scrollTop = 0;
  }
  render();
  document.body.setAttribute('data-ready', 'true');
})();
