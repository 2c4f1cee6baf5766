"""Helpers for test_web_servers.py: real web servers started from `shelf server-config`, and a small browser."""
