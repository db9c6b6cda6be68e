// The activity dashboard's breakdown: each alliance's score stacked by indicator, best at the top.
(function () {
  var el = document.getElementById('activity-chart');
  var src = document.getElementById('activity-data');
  if (!el || !src || !window.echarts) {
    return;
  }
  var data = JSON.parse(src.textContent);
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.alliances },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'bar', stack: 'score', data: s.data };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
