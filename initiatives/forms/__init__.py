"""Forms, split like the views: ``public`` (residents) and ``workspace`` (brokers)."""
