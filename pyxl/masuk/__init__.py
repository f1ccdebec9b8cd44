"""masuk."""
