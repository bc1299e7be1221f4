"""Analytics: quiz statistics with item analysis, org trends, the results export."""
