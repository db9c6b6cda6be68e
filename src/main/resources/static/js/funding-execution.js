// Draws a funding plan's execution with ECharts from the table on the page: planned and received per source.
(function () {
  var root = document.getElementById('funding-execution');
  var el = document.getElementById('funding-chart');
  if (!root || !el || typeof echarts === 'undefined') {
    return;
  }
  var rows = document.querySelectorAll('#execution-sources tr[data-label]');
  var labels = [], planned = [], received = [];
  for (var i = 0; i < rows.length; i++) {
    labels.push(rows[i].dataset.label);
    planned.push(parseFloat(rows[i].dataset.planned));
    received.push(parseFloat(rows[i].dataset.received));
  }
  echarts.init(el).setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [root.dataset.planned, root.dataset.received] },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: root.dataset.unit },
    series: [
      { name: root.dataset.planned, type: 'bar', data: planned },
      { name: root.dataset.received, type: 'bar', data: received }
    ]
  });
})();
