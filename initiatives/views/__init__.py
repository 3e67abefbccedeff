"""Views, split by audience.

``public`` (residents), ``workspace`` (brokers) and ``overviews`` (council and open data).
"""
