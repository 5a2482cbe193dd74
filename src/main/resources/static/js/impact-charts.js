// Draws the impact report charts from the data-chart attribute of each canvas (no inline script).
// The tables next to each chart hold the same figures for readers without JavaScript or a screen.
(function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#7a8794', '#1f6f5c'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    // Counts of laureates (and whole-number figures) get whole-number ticks, never "0,5 lauréat".
    var whole = spec.datasets.every(function (d) {
      return d.data.every(function (v) { return v === null || Number.isInteger(v); });
    });
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: colours[i % colours.length] };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: 'fr-FR',
        scales: { y: { beginAtZero: true, ticks: whole ? { precision: 0 } : {}, title: { display: !!spec.axis, text: spec.axis } } },
        plugins: { legend: { display: spec.datasets.length > 1 } }
      }
    });
  });
})();
