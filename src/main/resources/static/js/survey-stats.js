// Draws the charts of a survey's statistics page with ECharts from the figures embedded in the page:
// a bar chart of the chosen field per group, a map of China by province, a pie of respondents by type
// and a line of the field's sum over the periods. Suppressed groups are drawn grey, without a figure.
(function () {
  var root = document.getElementById('stats');
  var holder = document.getElementById('stats-data');
  var select = document.getElementById('stats-field');
  if (!root || !holder || !select || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.textContent);
  var charts = {};
  var mapNames = null;
  var text = function (key, arg) { return (root.dataset[key] || '').replace('{0}', arg); };
  var chart = function (id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    if (!charts[id]) { charts[id] = echarts.init(el); }
    return charts[id];
  };
  var figure = function (group, key) {
    if (!group.fields) { return null; }
    for (var i = 0; i < group.fields.length; i++) {
      if (group.fields[i].key === key) { return group.fields[i]; }
    }
    return null;
  };
  var title = function (t) { return { text: t, left: 'center', textStyle: { fontSize: 14 } }; };
  // Chinese readers count large figures in 万 and 亿; English readers keep thousands separators.
  var chinese = (document.documentElement.lang || '').indexOf('zh') === 0;
  var axisNumber = function (v) {
    if (chinese && Math.abs(v) >= 1e8) { return +(v / 1e8).toFixed(2) + '亿'; }
    if (chinese && Math.abs(v) >= 1e4) { return +(v / 1e4).toFixed(2) + '万'; }
    return v.toLocaleString();
  };

  function bar(key, label) {
    var groups = data.main.groups;
    // one line per group: a long list (34 provinces) gets the height it needs, also on a phone
    var el = document.getElementById('chart-bar');
    var height = Math.max(300, 60 + groups.length * 20);
    if (el.clientHeight !== height) {
      el.style.height = height + 'px';
      if (charts['chart-bar']) { charts['chart-bar'].resize(); }
    }
    chart('chart-bar').setOption({
      title: title(text('bar', label)),
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', splitNumber: 3, axisLabel: { hideOverlap: true, formatter: axisNumber } },
      yAxis: { type: 'category', inverse: true, data: groups.map(function (g) { return g.label; }) },
      series: [{ type: 'bar', data: groups.map(function (g) {
        var f = figure(g, key);
        return f && f.sum != null ? f.sum : { value: 0, itemStyle: { color: '#ccc' }, name: text('suppressed') };
      }) }]
    }, true);
  }

  function line(key, label) {
    var periods = data.main.history || [];
    chart('chart-line').setOption({
      title: title(text('line', label)),
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: periods.map(function (p) { return p.period; }) },
      yAxis: { type: 'value', axisLabel: { formatter: axisNumber } },
      series: [{ type: 'line', connectNulls: false, data: periods.map(function (p) {
        for (var i = 0; i < p.fields.length; i++) {
          if (p.fields[i].key === key) { return p.fields[i].sum; }
        }
        return null;
      }) }]
    }, true);
  }

  function pie() {
    var groups = data.type.groups.filter(function (g) { return !g.suppressed; });
    chart('chart-pie').setOption({
      title: title(text('pie')),
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['30%', '62%'], top: 30,
        data: groups.map(function (g) { return { name: g.label, value: g.respondents }; }) }]
    }, true);
  }

  function map(key, label) {
    if (!mapNames) { return; }
    var values = [];
    var max = 0;
    data.region.groups.forEach(function (g) {
      var name = mapNames[g.group];
      if (!name) { return; }
      var f = figure(g, key);
      if (f && f.sum != null) {
        values.push({ name: name, value: f.sum });
        max = Math.max(max, f.sum);
      }
    });
    chart('chart-map').setOption({
      title: title(text('map', label)),
      tooltip: { trigger: 'item' },
      visualMap: { min: 0, max: max || 1, left: 8, bottom: 8, itemHeight: 80, calculable: true, formatter: function (v) { return axisNumber(Math.round(v)); },
        inRange: { color: ['#d6e9f8', '#0b4f8a'] } },
      series: [{ type: 'map', map: 'china', roam: false, top: 40, bottom: 8,
        itemStyle: { areaColor: '#eee', borderColor: '#999' }, data: values }]
    }, true);
  }

  function draw() {
    var key = select.value;
    var label = select.options[select.selectedIndex].text;
    bar(key, label);
    line(key, label);
    pie();
    map(key, label);
  }

  fetch('/geo/china.json').then(function (r) { return r.json(); }).then(function (geo) {
    mapNames = {};
    geo.features.forEach(function (f) { mapNames[f.id] = f.properties.name; });
    echarts.registerMap('china', geo);
    map(select.value, select.options[select.selectedIndex].text);
  });
  select.addEventListener('change', draw);
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
  draw();
})();
