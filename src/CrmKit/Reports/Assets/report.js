/* CrmKit report: draws every chart of the page with Apache ECharts from the JSON data beside it.
   Text from the data reaches the page only as SVG text and rich-text tooltips, never as HTML.
   When every chart has drawn, window.crmkitReport.ready is true (browser tests wait for it). */
(function () {
  'use strict';

  var state = { ready: false, charts: 0, drawn: 0, failed: [] };
  window.crmkitReport = state;

  var palette = ['#3366cc', '#e8853d', '#2f9e6b', '#c94a5d', '#8661c5', '#d1a329', '#3ca5b8', '#7d8c99', '#b65fa4', '#5f8f3b'];
  var ink = '#1f2937';
  var muted = '#6b7280';
  var rule = '#e5e7eb';
  var fonts = window.getComputedStyle(document.body).fontFamily;

  var counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  var decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

  function format(kind, value, short) {
    if (value === null || value === undefined || isNaN(value)) return '–';
    switch (kind) {
      case 'money': return short ? compact.format(value) : money.format(value);
      case 'percent': return decimals.format(value) + '%';
      case 'points': return (value > 0 ? '+' : '') + decimals.format(value) + ' pp';
      default: return short ? compact.format(value) : counts.format(value);
    }
  }

  function color(i) { return palette[i % palette.length]; }

  function base(spec) {
    return {
      animation: false,
      color: palette,
      textStyle: { fontFamily: fonts, color: ink },
      aria: { enabled: true, label: { description: spec.title } },
      tooltip: { renderMode: 'richText', confine: true, backgroundColor: '#ffffff', borderColor: rule, textStyle: { color: ink, fontFamily: fonts } }
    };
  }

  function categoryAxis(labels, inverse) {
    return {
      type: 'category', data: labels, inverse: !!inverse,
      axisTick: { alignWithLabel: true }, axisLine: { lineStyle: { color: muted } },
      axisLabel: { color: ink, width: 160, overflow: 'truncate', hideOverlap: true }
    };
  }

  function valueAxis(kind) {
    return {
      type: 'value', splitLine: { lineStyle: { color: rule } },
      axisLabel: { color: muted, formatter: function (v) { return format(kind, v, true); } }
    };
  }

  function axisTooltip(kind) {
    return {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: function (v) { return format(kind, v); }
    };
  }

  function bar(spec) {
    var option = base(spec);
    var horizontal = spec.horizontal;
    var many = spec.series.length > 1;
    option.tooltip = Object.assign(option.tooltip, axisTooltip(spec.format));
    option.legend = many ? { top: 0, textStyle: { color: ink } } : undefined;
    option.grid = { left: 8, right: 24, top: many ? 36 : 16, bottom: 8, containLabel: true };
    option.xAxis = horizontal ? valueAxis(spec.format) : categoryAxis(spec.categories);
    option.yAxis = horizontal ? categoryAxis(spec.categories, true) : valueAxis(spec.format);
    if (!horizontal && spec.categories.length > 6) option.xAxis.axisLabel.rotate = 30;
    option.series = spec.series.map(function (s, i) {
      return {
        type: 'bar', name: s.name, data: s.values, barMaxWidth: 44,
        itemStyle: { color: color(i), borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: {
          show: spec.categories.length <= 12, position: horizontal ? 'right' : 'top', color: muted,
          formatter: function (p) { return format(spec.format, p.value, true); }
        }
      };
    });
    return option;
  }

  function line(spec) {
    var option = base(spec);
    option.tooltip = Object.assign(option.tooltip, axisTooltip(spec.format), { axisPointer: { type: 'line' } });
    option.legend = { top: 0, type: 'scroll', textStyle: { color: ink } };
    option.grid = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true };
    option.xAxis = categoryAxis(spec.categories);
    option.xAxis.boundaryGap = false;
    option.yAxis = valueAxis(spec.format);
    if (spec.format === 'percent') option.yAxis.max = 100;
    option.series = spec.series.map(function (s, i) {
      return {
        type: 'line', name: s.name, data: s.values, connectNulls: false,
        symbol: 'circle', symbolSize: spec.categories.length > 40 ? 3 : 6,
        lineStyle: { width: 2, color: color(i) }, itemStyle: { color: color(i) }
      };
    });
    return option;
  }

  function flow(spec) {
    var option = base(spec);
    var nodes = {};
    var links = spec.links.map(function (l) {
      var source = 'from:' + l.from;
      var target = 'to:' + l.to;
      nodes[source] = l.from;
      nodes[target] = l.to;
      return { source: source, target: target, value: l.value };
    });
    var label = function (id) { return nodes[id]; };
    var stages = Object.keys(nodes).map(label).filter(function (v, i, all) { return all.indexOf(v) === i; });
    option.tooltip = Object.assign(option.tooltip, {
      trigger: 'item',
      formatter: function (p) {
        if (p.dataType === 'edge') return label(p.data.source) + ' → ' + label(p.data.target) + ': ' + format('count', p.data.value);
        return label(p.name) + ': ' + format('count', p.value);
      }
    });
    option.series = [{
      type: 'sankey', left: 8, right: 96, top: 8, bottom: 8, nodeWidth: 14, nodeGap: 10, layoutIterations: 32,
      data: Object.keys(nodes).map(function (id) {
        return { name: id, itemStyle: { color: color(stages.indexOf(nodes[id])) }, depth: id.indexOf('from') === 0 ? 0 : 1 };
      }),
      links: links,
      lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
      emphasis: { focus: 'adjacency' },
      label: { color: ink, formatter: function (p) { return label(p.name); } }
    }];
    return option;
  }

  function funnel(spec) {
    var option = base(spec);
    // A pyramid widens in even steps whatever the counts; a funnel is as wide as each value.
    var width = function (s, i) { return spec.pyramid ? i + 1 : s.value; };
    var max = Math.max.apply(null, spec.steps.map(width).concat([1]));
    var value = function (p) { return spec.steps[p.dataIndex].value; };
    option.tooltip = Object.assign(option.tooltip, {
      trigger: 'item', formatter: function (p) { return p.name + ': ' + format(spec.format, value(p)); }
    });
    option.series = [{
      // Ascending draws the smallest on top, narrowing to a point: the pyramid's apex.
      type: 'funnel', sort: spec.pyramid ? 'ascending' : 'none', left: '8%', right: '8%', top: 8, bottom: 8, gap: 3, min: 0, max: max,
      minSize: spec.pyramid ? '0%' : '12%', funnelAlign: 'center',
      data: spec.steps.map(function (s, i) { return { name: s.name, value: width(s, i), itemStyle: { color: color(i) } }; }),
      label: {
        position: 'inside', color: '#ffffff', textBorderColor: 'rgba(0,0,0,0.35)', textBorderWidth: 2,
        formatter: function (p) { return p.name + '  ' + format(spec.format, value(p)); }
      },
      labelLine: { show: false },
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 }
    }];
    return option;
  }

  function heatmap(spec) {
    var option = base(spec);
    // Dark cells get white labels.
    var cells = spec.cells.map(function (c) { return { value: [c[0], c[1], c[2]], label: { color: c[2] > 55 ? '#ffffff' : ink } }; });
    option.tooltip = Object.assign(option.tooltip, {
      trigger: 'item',
      formatter: function (p) { return spec.y[p.value[1]] + ', month ' + spec.x[p.value[0]] + ': ' + format(spec.format, p.value[2]); }
    });
    option.grid = { left: 8, right: 16, top: 8, bottom: 56, containLabel: true };
    option.xAxis = categoryAxis(spec.x);
    option.xAxis.splitArea = { show: false };
    option.yAxis = categoryAxis(spec.y, true);
    option.visualMap = {
      min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160,
      text: ['100%', '0%'], textStyle: { color: muted },
      inRange: { color: ['#eef3fc', '#9bb7ea', '#3366cc', '#1b3a80'] }
    };
    option.series = [{
      type: 'heatmap', data: cells,
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: cells.length <= 200, fontSize: 10,
        formatter: function (p) { return decimals.format(p.value[2]); },
        color: ink
      }
    }];
    return option;
  }

  function intervals(spec) {
    var option = base(spec);
    var names = spec.items.map(function (i) { return i.name; });
    option.tooltip = Object.assign(option.tooltip, {
      trigger: 'item',
      formatter: function (p) {
        var item = spec.items[p.dataIndex];
        return item.name + ': ' + format(spec.format, item.estimate) + ' (95%: ' + format(spec.format, item.low) + ' to ' + format(spec.format, item.high) + ')';
      }
    });
    option.grid = { left: 24, right: 32, top: 16, bottom: 8, containLabel: true };
    option.yAxis = categoryAxis(names, true);
    option.yAxis.axisLabel.width = 200;
    option.xAxis = valueAxis(spec.format);
    option.series = [
      {
        type: 'custom', name: '95% interval',
        data: spec.items.map(function (item, i) { return [i, item.low, item.high]; }),
        encode: { y: 0, x: [1, 2] },
        renderItem: function (params, api) {
          var y = api.value(0);
          var low = api.coord([api.value(1), y]);
          var high = api.coord([api.value(2), y]);
          var cap = Math.min(10, api.size([0, 1])[1] * 0.3);
          var style = { stroke: color(0), lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
              { type: 'line', shape: { x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap }, style: style },
              { type: 'line', shape: { x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap }, style: style }
            ]
          };
        },
        markLine: {
          silent: true, symbol: 'none', lineStyle: { color: muted, type: 'dashed' },
          label: { formatter: 'no uplift', color: muted, position: 'start' }, data: [{ xAxis: 0 }]
        }
      },
      {
        type: 'scatter', name: 'uplift', symbolSize: 11, itemStyle: { color: color(1) },
        data: spec.items.map(function (item, i) { return [item.estimate, i]; }),
        label: { show: true, position: 'top', color: ink, formatter: function (p) { return format(spec.format, p.value[0]); } }
      }
    ];
    return option;
  }

  var builders = { bar: bar, line: line, flow: flow, funnel: funnel, heatmap: heatmap, intervals: intervals };
  var charts = [];

  function drawn() {
    state.drawn++;
    if (state.drawn + state.failed.length === state.charts) state.ready = true;
  }

  function draw(spec) {
    var element = document.getElementById(spec.id);
    try {
      var chart = window.echarts.init(element, null, { renderer: 'svg' });
      var first = true;
      chart.on('finished', function () {
        if (!first) return;
        first = false;
        element.setAttribute('data-drawn', 'true');
        drawn();
      });
      chart.setOption(builders[spec.kind](spec));
      charts.push(chart);
    } catch (e) {
      state.failed.push(spec.id);
      element.setAttribute('data-failed', 'true');
      console.error('The chart "' + spec.title + '" could not be drawn: ' + e);
      if (state.drawn + state.failed.length === state.charts) state.ready = true;
    }
  }

  var data = JSON.parse(document.getElementById('crmkit-report-data').textContent);
  state.charts = data.charts.length;
  if (state.charts === 0) state.ready = true;
  data.charts.forEach(draw);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
})();
