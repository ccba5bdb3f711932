// keycloak-js' silent login check: hand the redirect back to the app (a file, not inline, for the CSP)
parent.postMessage(location.href, location.origin)
