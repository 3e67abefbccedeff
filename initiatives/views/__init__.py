"""Views, split by audience: ``public`` (residents), ``workspace`` (brokers), ``overviews`` (council)."""
