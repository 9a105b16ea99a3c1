# -*- coding: iso-8859-1 -*-
"""Módulo en Latin-1."""
WORD = "año"
