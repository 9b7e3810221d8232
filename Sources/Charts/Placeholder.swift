enum PlaceholderCharts {}
